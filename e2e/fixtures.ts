import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { test as base, expect, type Locator, type Page, type TestInfo } from '@playwright/test'

/**
 * The client address of one test: 10.x.y.z from its id. The e2e server believes
 * X-Forwarded-For from this host (TRUSTED_PROXIES=loopback in playwright.config.ts), as
 * behind a proxy, so each test's sign-ins are counted apart: no test spends another's limit.
 */
export function clientAddressOf(testInfo: TestInfo) {
  const [a, b, c] = createHash('sha256')
    .update(`${testInfo.testId} ${testInfo.repeatEachIndex} ${testInfo.retry}`)
    .digest()
  return `10.${a}.${b}.${c}`
}

/**
 * Playwright's test, failing any test whose pages miss a message their client components
 * read: next-intl then shows the key instead of the text and logs MISSING_MESSAGE. Pages
 * hand their client components only the namespaces they list (src/i18n/client-messages.tsx).
 * It also fails a test whose page broke the Content Security Policy (a script without the
 * nonce, an image from a host not allowed), unless the test annotates `csp-violation-expected`.
 * Every test is a client of its own (clientAddressOf).
 */
export const test = base.extend<{ everyMessageThere: void; noCspViolation: void }>({
  // Pages, page.request and contexts a test makes itself (browser.newContext, request.newContext) send it.
  extraHTTPHeaders: async ({ extraHTTPHeaders }, provide, testInfo) => {
    await provide({ ...extraHTTPHeaders, 'x-forwarded-for': clientAddressOf(testInfo) })
  },
  noCspViolation: [
    async ({ page }, use, testInfo) => {
      const violations: string[] = []
      page.on('console', (message) => {
        if (message.text().includes('Content Security Policy')) violations.push(message.text())
      })
      await use()
      if (!testInfo.annotations.some((a) => a.type === 'csp-violation-expected'))
        expect(violations, 'Content Security Policy violations').toEqual([])
    },
    { auto: true },
  ],
  everyMessageThere: [
    async ({ page }, use) => {
      const missing: string[] = []
      page.on('console', (message) => {
        if (message.type() === 'error' && message.text().includes('MISSING_MESSAGE'))
          missing.push(message.text())
      })
      await use()
      expect(missing, 'messages the page did not hand to its client components').toEqual([])
    },
    { auto: true },
  ],
})
export { expect }

/** The first account, created through the setup page by first-run.setup.ts. */
export const admin = { name: 'Ada Admin', email: 'ada@example.com', password: 'correct horse battery' }

export async function signIn(page: Page, { email, password }: { email: string; password: string }) {
  await page.goto('/sign-in')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('heading', { name: 'Postmortems', level: 1 })).toBeVisible()
}

/**
 * Where first-run.setup.ts leaves the admin's signed-in session (its cookies) for this run's
 * other tests: signing in through the form is tested in accounts.spec.ts, the rest start signed in.
 */
export function adminSessionFile(testInfo: TestInfo) {
  return path.join(testInfo.project.outputDir, '.sessions', 'admin.json')
}

/**
 * Starts on the postmortem list as the admin, with the session the setup project stored (through
 * the form when a spec runs without that project, --no-deps). The stored session is everyone's:
 * a test that signs the admin out must sign in with signIn() instead.
 */
export async function signInAsAdmin(page: Page) {
  const file = adminSessionFile(test.info())
  if (!existsSync(file)) return signIn(page, admin)
  const { cookies } = JSON.parse(readFileSync(file, 'utf8')) as {
    cookies: Parameters<ReturnType<Page['context']>['addCookies']>[0]
  }
  await page.context().addCookies(cookies)
  await page.goto('/postmortems')
  await expect(page.getByRole('heading', { name: 'Postmortems', level: 1 })).toBeVisible()
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('heading', { name: 'Sign in to Hindsight' })).toBeVisible()
}

export type Person = { name: string; email: string; password: string }

/**
 * On the users page: invites the person and returns their one-time link (shown once).
 */
export async function invite(
  page: Page,
  person: Omit<Person, 'password'>,
  role: 'Admin' | 'Editor' | 'Viewer',
) {
  await page.getByLabel('Name').fill(person.name)
  await page.getByLabel('Email').fill(person.email)
  await page.getByLabel('Role', { exact: true }).selectOption({ label: role })
  await page.getByRole('button', { name: 'Create invite link' }).click()
  await expect(page.getByText(`Invite link for ${person.name}, shown only this once`)).toBeVisible()
  return (await page.getByTestId('one-time-link').textContent()) ?? ''
}

/** Opens a one-time link in a browser of the person's own and sets their password there. */
export async function setPasswordByLink(page: Page, link: string, password: string) {
  const context = await page.context().browser()!.newContext({ locale: 'en-US' })
  const theirs = await context.newPage()
  await theirs.goto(link)
  await theirs.getByLabel('New password').fill(password)
  await theirs.getByRole('button', { name: 'Save password and sign in' }).click()
  await expect(theirs.getByRole('heading', { name: 'Postmortems', level: 1 })).toBeVisible()
  await context.close()
}

/** On the users page: invites the person, who then sets their password through the link. */
export async function addUser(page: Page, person: Person, role: 'Admin' | 'Editor' | 'Viewer') {
  const link = await invite(page, person, role)
  await setPasswordByLink(page, link, person.password)
}

/** Starts as the admin and adds a user through the users page, unless they exist. */
export async function ensureUser(page: Page, person: Person, role: 'Admin' | 'Editor' | 'Viewer') {
  await signInAsAdmin(page)
  await page.goto('/settings/users')
  if (await page.getByRole('row', { name: new RegExp(person.email) }).count()) return
  await addUser(page, person, role)
}

/** Creates a postmortem through the "New postmortem" page and returns the editor's URL. */
export async function newPostmortem(page: Page, title: string) {
  await page.goto('/postmortems')
  await page.getByRole('link', { name: 'New postmortem' }).first().click()
  await page.getByLabel('Title').fill(title)
  await page.getByRole('button', { name: 'Create and start writing' }).click()
  await expect(page).toHaveURL(/\/postmortems\/\d+\/edit$/)
  return page.url()
}

export async function expectSaved(page: Page, timeout = 60_000) {
  await expect(page.locator('[data-save-state]')).toHaveAttribute('data-save-state', 'saved', { timeout })
}

/**
 * The text a long text field (a rich text editor, not an <input>) holds, line by line, without
 * the other people's cursors drawn into it.
 */
export function fieldText(field: Locator) {
  return field.evaluate((editor) =>
    [...editor.querySelectorAll('.cm-line')]
      .map((line) => {
        const copy = line.cloneNode(true) as Element
        copy.querySelectorAll('.cm-ySelectionCaret, .cm-widgetBuffer').forEach((drawn) => drawn.remove())
        return copy.textContent ?? ''
      })
      .join('\n'),
  )
}

export async function expectFieldText(field: Locator, expected: string | RegExp, timeout?: number) {
  const shown = expect.poll(() => fieldText(field), { timeout })
  await (typeof expected === 'string' ? shown.toBe(expected) : shown.toMatch(expected))
}

/**
 * A postmortem saved through the JSON API (as a pipeline or import would), then published in
 * the UI: its number.
 */
export async function publishedPostmortem(page: Page, title: string, document: Record<string, unknown>) {
  const number = (await newPostmortem(page, title)).split('/').at(-2)
  const saved = await page.request.put(`/api/v1/postmortems/${number}`, {
    headers: { origin: new URL(page.url()).origin },
    data: {
      baseVersion: 1,
      document: { title, symptom: 'Checkout failed', rootCause: 'A bad config', ...document },
    },
  })
  expect(saved.status()).toBe(200)
  await page.reload()
  await page.getByRole('button', { name: 'Submit for review' }).click()
  await expect(page.getByText('In review', { exact: true })).toBeVisible()
  await page.goto(`/postmortems/${number}`)
  const review = page.getByRole('region', { name: 'Review' })
  await review.getByRole('button', { name: 'Publish' }).click()
  await expect(page.getByText('Published', { exact: true })).toBeVisible()
  // The review panel goes once the server has published it (the badge can show before that).
  await expect(review).toBeHidden()
  return Number(number)
}
