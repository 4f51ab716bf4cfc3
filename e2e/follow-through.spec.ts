import { randomUUID } from 'node:crypto'
import type { Locator, Page } from '@playwright/test'
import { ensureUser, expect, expectSaved, newPostmortem, signIn, test, type Person } from './fixtures'

/** Action item `n` (0-based) of the editor's list. */
const actionItem = (page: Page, n: number): Locator =>
  page.getByRole('list', { name: 'Action items' }).locator(':scope > li').nth(n)

const day = (date: Date) =>
  new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(date)

test('[FOLLOW-THROUGH]: an admin sets the SEV1 policy; an editor’s action item gets its due date, shows overdue on My work and closes only with evidence', async ({
  page,
  browser,
}) => {
  test.slow()
  const suffix = randomUUID().slice(0, 8)
  const editor: Person = {
    name: `Fay ${suffix}`,
    email: `fay-${suffix}@example.com`,
    password: 'fay-follows-through',
  }
  await ensureUser(page, editor, 'Editor')

  // The admin: SEV1 action items are due in 10 days, and closing one needs evidence.
  await page.goto('/settings')
  await page.getByRole('link', { name: 'Due dates and closing rules by severity' }).click()
  await page.getByLabel('Days until an action item of a SEV1 postmortem is due').fill('10')
  await page.getByLabel('SEV1 needs evidence').check()
  await page.getByRole('button', { name: 'Save policies' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible()
  await page.reload()
  await expect(page.getByLabel('Days until an action item of a SEV1 postmortem is due')).toHaveValue('10')

  // The editor writes a SEV1 postmortem with two action items of their own: one without a due
  // date, one whose due date has passed.
  const writer = await (await browser.newContext({ locale: 'en-US' })).newPage()
  await signIn(writer, editor)
  const title = `Queue stalled ${suffix}`
  await newPostmortem(writer, title)
  await writer.getByLabel('Severity').selectOption({ label: 'SEV1 · critical' })
  const follow = `Add a queue-depth alert ${suffix}`
  const late = `Backfill the stalled jobs ${suffix}`
  for (const [n, text] of [follow, late].entries()) {
    await writer.getByRole('button', { name: 'Add action item' }).click()
    const item = actionItem(writer, n)
    await item.getByLabel('What to do').fill(text)
    await item.getByLabel('Owner').selectOption({ label: editor.name })
  }
  await actionItem(writer, 1).getByLabel('Due').fill('2025-01-10')
  await expectSaved(writer)

  const number = writer.url().split('/').at(-2)
  await writer.goto(`/postmortems/${number}`)
  const actions = writer.getByRole('region', { name: 'Action items' })
  const today = new Date()
  const due = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + 10))
  await expect(actions.getByRole('listitem').filter({ hasText: follow })).toContainText(`Due: ${day(due)}`)
  const overdueDays = Math.floor((today.getTime() - Date.UTC(2025, 0, 10)) / 86_400_000)
  await expect(actions.getByRole('listitem').filter({ hasText: late })).toContainText(
    `${overdueDays} days overdue`,
  )

  // On the owner's My work, marked with how many days it is overdue.
  await writer.getByRole('link', { name: 'My work' }).first().click()
  const mine = writer.getByRole('region', { name: /My action items/ })
  const lateItem = mine.getByRole('listitem').filter({ hasText: late })
  await expect(lateItem).toContainText(`${overdueDays} days overdue (due Jan 10, 2025)`)
  await expect(mine.getByRole('listitem').filter({ hasText: follow })).toContainText(`due ${day(due)}`)

  // Closing it as done asks for evidence.
  await lateItem.getByText('Close…').click()
  const form = lateItem.getByRole('form', { name: `Close “${late}”` })
  await form.getByRole('button', { name: 'Close item' }).click()
  await expect(form.getByRole('alert')).toContainText('This severity’s policy needs evidence to close')
  await form.getByLabel('Evidence link').fill('https://grafana.example.com/d/queue-depth')
  await form.getByRole('button', { name: 'Close item' }).click()
  await expect(mine.getByRole('listitem').filter({ hasText: late })).toHaveCount(0)

  await writer.goto(`/postmortems/${number}`)
  const closed = writer
    .getByRole('region', { name: 'Action items' })
    .getByRole('listitem')
    .filter({ hasText: late })
  await expect(closed).toContainText('Done')
  await expect(closed.getByRole('link', { name: 'https://grafana.example.com/d/queue-depth' })).toBeVisible()
  await expect(closed).toContainText(`Closed by ${editor.name}`)

  // The JSON API: how it was closed, and the same rules for a script.
  const json = await (await writer.request.get(`/api/v1/postmortems/${number}`)).json()
  const byTitle = (text: string) =>
    (json.document.actionItems as { id: string; title: string }[]).find((a) => a.title === text)!.id
  expect(json.followThrough.items[byTitle(late)]).toMatchObject({
    closedBy: editor.name,
    evidence: { link: 'https://grafana.example.com/d/queue-depth' },
  })
  const closeByApi = (data: object) =>
    writer.request.post(`/api/v1/action-items/${byTitle(follow)}/close`, {
      headers: { origin: new URL(writer.url()).origin },
      data,
    })
  const noEvidence = await closeByApi({ outcome: 'DONE' })
  expect(noEvidence.status()).toBe(422)
  expect((await noEvidence.json()).error).toMatchObject({
    code: 'INVALID_INPUT',
    message: 'evidenceRequired',
  })
  expect((await closeByApi({ outcome: 'WONT_DO' })).status()).toBe(422)
})
