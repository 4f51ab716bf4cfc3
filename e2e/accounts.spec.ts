import { addUser, admin, expect, signIn, signOut, test } from './fixtures'
import { e2eLimits } from './support/limits'

const editor = { name: 'Eddie Editor', email: 'eddie@example.com', password: 'editor-pass-1' }
const viewer = { name: '王小明', email: 'viewer@example.com', password: 'viewer-pass-1' }

test.describe.configure({ mode: 'serial' })

test('[AUTH]: signing out and in again, with a clear message for a wrong password', async ({ page }) => {
  await page.goto('/settings')
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fsettings$/)

  await page.getByLabel('Email').fill(admin.email)
  await page.getByLabel('Password').fill('wrong password')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'Wrong email or password.' })).toBeVisible()
  await expect(page.getByLabel('Email')).toHaveValue(admin.email)

  // The sign-in brings the person back where they were going.
  await page.getByLabel('Password').fill(admin.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).toHaveURL(/\/settings$/)
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible()

  await signOut(page)
  await page.goto('/postmortems')
  await expect(page).toHaveURL(/\/sign-in/)
  await signIn(page, admin)
})

test('[USERS]: the admin invites an editor and a viewer, and sees a duplicate email refused', async ({
  page,
}) => {
  await signIn(page, admin)
  await page.getByRole('link', { name: 'Settings' }).click()
  await page.getByRole('link', { name: 'Manage users and roles' }).click()
  await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible()

  for (const [person, role] of [
    [editor, 'Editor'],
    [viewer, 'Viewer'],
  ] as const) {
    await addUser(page, person, role)
    await expect(page.getByRole('row', { name: new RegExp(person.email) })).toBeVisible()
    await expect(page.getByLabel(`Change role of ${person.name}`)).toHaveValue(role.toUpperCase())
  }

  await page.getByLabel('Name').fill('Someone Else')
  await page.getByLabel('Email').fill(editor.email.toUpperCase())
  await page.getByRole('button', { name: 'Create invite link' }).click()
  await expect(page.getByText('Someone already uses this email.')).toBeVisible()
  await expect(page.getByRole('row', { name: /Someone Else/ })).toHaveCount(0)

  // The only admin cannot demote themselves.
  await page.getByLabel(`Change role of ${admin.name}`).selectOption({ label: 'Viewer' })
  await page.getByRole('button', { name: `Save role of ${admin.name}` }).click()
  await expect(
    page.getByText('Hindsight needs at least one admin: make someone else admin first.'),
  ).toBeVisible()
  await expect(page.getByLabel(`Change role of ${admin.name}`)).toHaveValue('ADMIN')
})

test('[ROLES]: a viewer cannot open the admin page and gets a 403 page', async ({ page }) => {
  await signIn(page, viewer)
  await expect(page.getByTestId('current-user').first()).toHaveText(viewer.name)
  await expect(page.getByText('Published postmortems will appear here.')).toBeVisible()
  await page.getByRole('link', { name: 'Settings' }).click()
  await expect(page.getByRole('link', { name: 'Manage users and roles' })).toHaveCount(0)

  const response = await page.goto('/settings/users')
  expect(response?.status()).toBe(403)
  await expect(page.getByRole('heading', { name: "You don't have access to this page" })).toBeVisible()
  await page.getByRole('link', { name: 'Go to postmortems' }).click()
  await expect(page.getByRole('heading', { name: 'Postmortems', level: 1 })).toBeVisible()
})

test('[ROLES]: a role change takes effect on the next request', async ({ browser }) => {
  const adminPage = await (await browser.newContext()).newPage()
  const editorPage = await (await browser.newContext()).newPage()
  await signIn(adminPage, admin)
  await signIn(editorPage, editor)
  await adminPage.goto('/settings/users')
  await adminPage.getByLabel(`Change role of ${editor.name}`).selectOption({ label: 'Admin' })
  await adminPage.getByRole('button', { name: `Save role of ${editor.name}` }).click()
  await expect(adminPage.getByRole('status')).toHaveText(`Role of ${editor.name} is now Admin.`)

  await editorPage.goto('/settings/users')
  await expect(editorPage.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible()
})

/** A wait (seconds) is what is left of the sign-in window that began at `started`, however long the test took. */
function expectWaitOfTheWindow(seconds: number, started: number) {
  const window = e2eLimits.SIGN_IN_LIMIT_WINDOW_SECONDS
  expect(seconds).toBeLessThanOrEqual(window)
  expect(seconds).toBeGreaterThanOrEqual(window - Math.ceil((Date.now() - started) / 1000))
}

test('[AUTH]: repeated wrong passwords are slowed down with a clear message', async ({ page }) => {
  await page.goto('/sign-in')
  const email = 'nobody-at-all@example.com'
  const started = Date.now()
  // SIGN_IN_LIMIT_PER_ACCOUNT tries at one account from one address (3 here, 5 in production).
  for (let attempt = 1; attempt <= e2eLimits.SIGN_IN_LIMIT_PER_ACCOUNT; attempt++) {
    await page.getByLabel('Email').fill(email)
    await page.getByLabel('Password').fill(`guess-${attempt}`)
    await page.getByRole('button', { name: 'Sign in' }).click()
    // The answer has arrived once the form has cleared the password it sent.
    await expect(page.getByLabel('Password')).toHaveValue('')
    await expect(page.getByRole('alert').filter({ hasText: 'Wrong email or password.' })).toBeVisible()
  }
  await page.getByLabel('Password').fill('one guess too many')
  await page.getByRole('button', { name: 'Sign in' }).click()
  const refusal = page
    .getByRole('alert')
    .filter({ hasText: /Too many attempts\. Try again in \d+ minutes?\./ })
  await expect(refusal).toBeVisible()
  // The rest of the window (SIGN_IN_LIMIT_WINDOW_SECONDS), in whole minutes.
  const minutes = Number(/in (\d+) minute/.exec((await refusal.textContent()) ?? '')?.[1])
  expectWaitOfTheWindow(minutes * 60, started)
})

test('[AUTH]: an address that tries account after account waits the rest of the window; other addresses do not', async ({
  request,
  playwright,
  baseURL,
}) => {
  const started = Date.now()
  const signIn = (api: typeof request, i: number) =>
    api.post('/api/auth/sign-in/email', {
      headers: { origin: baseURL!, 'content-type': 'application/json' },
      data: { email: `sprayed-${i}@example.com`, password: 'a guess' },
      failOnStatusCode: false,
    })
  for (let i = 0; i < e2eLimits.SIGN_IN_LIMIT_PER_ADDRESS; i++)
    expect((await signIn(request, i)).status()).toBe(401)
  const refused = await signIn(request, e2eLimits.SIGN_IN_LIMIT_PER_ADDRESS)
  expect(refused.status()).toBe(429)
  expect(await refused.json()).toMatchObject({ code: 'RATE_LIMITED' })
  expectWaitOfTheWindow(Number(refused.headers()['retry-after']), started)

  const elsewhere = await playwright.request.newContext({
    extraHTTPHeaders: { 'x-forwarded-for': '10.254.0.1' },
  })
  expect((await signIn(elsewhere, 0)).status()).toBe(401)
  await elsewhere.dispose()
})
