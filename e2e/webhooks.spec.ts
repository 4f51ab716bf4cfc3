import { createHmac, randomUUID } from 'node:crypto'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Page } from '@playwright/test'
import {
  ensureUser,
  expect,
  expectSaved,
  newPostmortem,
  signIn,
  signInAsAdmin,
  test,
  type Person,
} from './fixtures'

const owner: Person = { name: 'Olu Owner', email: 'olu.owner@example.com', password: 'owner-pass-1' }

/*
 * An admin registers a webhook in Settings; assigning an action item in the editor reaches the
 * receiver this test starts, signed with the secret the admin typed, and the delivery shows in
 * the endpoint's log. The receiver listens on 127.0.0.1, which the e2e server allows
 * (WEBHOOK_ALLOW_PRIVATE in playwright.config.ts). The app mails through the SMTP capture
 * that playwright.config.ts starts (SMTP_URL), which lists what it received over HTTP.
 */

const smtpCapture = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? '3100') + 22}/messages`
type CapturedMail = { to: string; subject: string; text: string }

const signed = (secret: string, body: string) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`

/** Adds an endpoint for one event on Settings → Webhooks; resolves to its card on the page. */
async function addEndpoint(
  page: Page,
  { url, secret, event }: { url: string; secret: string; event: string },
) {
  await page.goto('/settings/webhooks')
  await page.getByLabel('URL').fill(url)
  await page.getByLabel('Secret').fill(secret)
  await page.getByLabel(event).check()
  await page.getByRole('button', { name: 'Add endpoint' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Endpoint added.' })).toBeVisible()
  return page.getByRole('region', { name: url })
}

/** A new postmortem with one action item owned by the admin; resolves to the item's title. */
async function assignActionItem(page: Page, title: string, due?: string, owner = 'Ada Admin') {
  await newPostmortem(page, `Check-in list stale after a cache rebuild ${randomUUID().slice(0, 6)}`)
  await page.getByRole('button', { name: 'Add action item' }).click()
  await page.getByLabel('What to do').fill(title)
  await page.getByLabel('Owner').selectOption({ label: owner })
  if (due) await page.getByLabel('Due').fill(due)
  await expectSaved(page)
}

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
  await assignActionItem(page, title)

  // The receiver gets it, signed with the secret the admin typed.
  await expect.poll(() => received.filter((r) => r.body.includes(title)).length, { timeout: 60_000 }).toBe(1)
  const delivery = received.find((r) => r.body.includes(title))!
  expect(delivery.headers['x-hindsight-event']).toBe('action-item-assigned')
  expect(delivery.headers['x-hindsight-signature']).toBe(signed(secret, delivery.body))
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

test('[NOTIFICATIONS]: an action item past its due date reaches its owner by e-mail and the webhook, signed', async ({
  page,
  browser,
}) => {
  received = []
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/overdue/${randomUUID()}`
  const secret = `e2e-${randomUUID()}`
  const title = `Rebuild the cache from the primary ${randomUUID().slice(0, 8)}`

  // An owner of its own: the e-mail is in the owner's language, which other specs' language
  // switches (as the admin) must not change under this one.
  await ensureUser(page, owner, 'Editor')
  const endpoint = await addEndpoint(page, { url, secret, event: 'Action item overdue' })
  await assignActionItem(page, title, '2026-03-02', owner.name)

  // The overdue sweep finds it: the receiver gets one signed "overdue" body…
  await expect.poll(() => received.filter((r) => r.body.includes(title)).length, { timeout: 60_000 }).toBe(1)
  const delivery = received.find((r) => r.body.includes(title))!
  expect(delivery.headers['x-hindsight-event']).toBe('action-item-overdue')
  expect(delivery.headers['x-hindsight-signature']).toBe(signed(secret, delivery.body))
  expect(JSON.parse(delivery.body)).toMatchObject({
    event: 'action-item-overdue',
    data: { title, dueDate: '2026-03-02T00:00:00.000Z', owner: { email: owner.email } },
  })

  // …and its owner an e-mail saying so.
  const mails = async () =>
    ((await (await fetch(smtpCapture)).json()) as CapturedMail[]).filter(
      (m) => m.to === owner.email && m.subject === `Overdue: ${title}`,
    )
  await expect.poll(async () => (await mails()).length, { timeout: 60_000 }).toBe(1)
  const [mail] = await mails()
  expect(mail!.text).toContain(`Hello ${owner.name},`)
  expect(mail!.text).toContain(`“${title}”`)
  expect(mail!.text).toContain('was due Mar 2, 2026 and is still open.')

  // The owner's My work lists it as overdue.
  const ownersPage = await (await browser.newContext()).newPage()
  await signIn(ownersPage, owner)
  await ownersPage.goto('/my-work')
  await expect(ownersPage.getByRole('listitem').filter({ hasText: title })).toContainText('days overdue')

  // The admin page's e-mail log shows it sent, with the SMTP server's reply.
  await page.goto('/settings/webhooks')
  const sent = page
    .getByRole('table', { name: 'E-mail' })
    .getByRole('row')
    .filter({ hasText: 'Action item overdue' })
    .filter({ hasText: owner.email })
    .filter({ hasText: 'Delivered' })
  await expect(sent.first()).toContainText('250')

  await endpoint.getByRole('button', { name: 'Remove' }).click()
  await expect(endpoint).toBeHidden()
})
