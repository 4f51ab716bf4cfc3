import { createHmac, randomUUID } from 'node:crypto'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect, expectSaved, newPostmortem, signInAsAdmin, test } from './fixtures'

/*
 * An admin registers a webhook in Settings; assigning an action item in the editor reaches the
 * receiver this test starts, signed with the secret the admin typed, and the delivery shows in
 * the endpoint's log. The receiver listens on 127.0.0.1, which the e2e server allows
 * (WEBHOOK_ALLOW_PRIVATE in playwright.config.ts).
 */

type Received = { headers: IncomingHttpHeaders; body: string }

let receiver: Server
let received: Received[] = []

test.beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => (body += chunk))
    req.on('end', () => {
      received.push({ headers: req.headers, body })
      res.writeHead(200).end('ok')
    })
  })
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
})
test.afterAll(async () => {
  await new Promise((resolve) => receiver.close(resolve))
})

test('[WEBHOOKS]: an admin adds an endpoint, an action item is assigned, the receiver gets a signed body and the log shows it', async ({
  page,
}) => {
  received = []
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hindsight/${randomUUID()}`
  const secret = `e2e-${randomUUID()}`
  const title = `Add an index on uid ${randomUUID().slice(0, 8)}`

  await signInAsAdmin(page)
  await page.goto('/settings')
  await page.getByRole('link', { name: 'Webhooks and e-mail' }).click()
  await expect(page.getByRole('heading', { name: 'Webhooks', level: 1 })).toBeVisible()

  // A URL that is not http(s) is refused with a reason.
  await page.getByLabel('URL').fill('file:///etc/passwd')
  await page.getByLabel('Secret').fill(secret)
  await page.getByLabel('Action item assigned').check()
  await page.getByRole('button', { name: 'Add endpoint' }).click()
  await expect(page.getByText('Enter a URL starting with http:// or https://')).toBeVisible()

  await page.getByLabel('URL').fill(url)
  await page.getByLabel('Secret').fill(secret)
  await page.getByLabel('Description').fill('Team chat')
  await page.getByLabel('Action item assigned').check()
  await page.getByRole('button', { name: 'Add endpoint' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Endpoint added.' })).toBeVisible()
  const endpoint = page.getByRole('region', { name: url })
  await expect(endpoint).toContainText('Enabled')
  await expect(endpoint).toContainText('Nothing sent yet.')

  // An action item gets its owner in the editor.
  await newPostmortem(page, 'Check-in list stale after a cache rebuild')
  await page.getByRole('button', { name: 'Add action item' }).click()
  await page.getByLabel('What to do').fill(title)
  await page.getByLabel('Owner').selectOption({ label: 'Ada Admin' })
  await expectSaved(page)

  // The receiver gets it, signed with the secret the admin typed.
  await expect.poll(() => received.filter((r) => r.body.includes(title)).length, { timeout: 60_000 }).toBe(1)
  const delivery = received.find((r) => r.body.includes(title))!
  expect(delivery.headers['x-hindsight-event']).toBe('action-item-assigned')
  const expected = `sha256=${createHmac('sha256', secret).update(delivery.body).digest('hex')}`
  expect(delivery.headers['x-hindsight-signature']).toBe(expected)
  expect(JSON.parse(delivery.body)).toMatchObject({
    event: 'action-item-assigned',
    data: { title, owner: { name: 'Ada Admin', email: 'ada@example.com' } },
  })

  // The endpoint's log shows the delivery and the receiver's answer.
  await page.goto('/settings/webhooks')
  // (Other tests assign action items at the same time: their deliveries may be listed too.)
  const row = endpoint
    .getByRole('row')
    .filter({ hasText: 'Action item assigned' })
    .filter({ hasText: 'Delivered' })
  await expect(row.first()).toContainText('200')

  // Removed, it receives nothing more (the other tests assign action items too).
  await endpoint.getByRole('button', { name: 'Remove' }).click()
  await expect(endpoint).toBeHidden()
})
