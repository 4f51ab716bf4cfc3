import { admin, adminSessionFile, expect, test } from './fixtures'

test('[SETUP]: the first visit to an empty database creates the admin account', async ({ page }) => {
  await page.goto('/')
  await expect(page).toHaveURL(/\/setup$/)
  await expect(page.getByRole('heading', { name: 'Welcome to Hindsight' })).toBeVisible()

  // Bad input gets clear messages, not an error page.
  await page.getByRole('button', { name: 'Create admin account' }).click()
  await expect(page.getByText('This field is required.').first()).toBeVisible()
  await page.getByLabel('Name').fill(admin.name)
  await page.getByLabel('Email').fill('not-an-email')
  await page.getByLabel('Password').fill('short')
  await page.getByRole('button', { name: 'Create admin account' }).click()
  await expect(page.getByText('Enter an email address like name@example.com.')).toBeVisible()
  await expect(page.getByText('Use at least 8 characters.')).toBeVisible()
  await expect(page.getByLabel('Name')).toHaveValue(admin.name)

  await expect(page.getByLabel('Name')).toHaveValue(admin.name)
  await page.getByLabel('Email').fill(admin.email)
  await page.getByLabel('Password').fill(admin.password)
  await page.getByRole('button', { name: 'Create admin account' }).click()

  // Signed in as the admin, in the app shell, with an empty state that says what comes.
  await expect(page).toHaveURL(/\/postmortems$/)
  await expect(page.getByRole('heading', { name: 'No postmortems yet' })).toBeVisible()
  await expect(page.getByTestId('current-user').first()).toHaveText(admin.name)
  await expect(page.getByText('Admin', { exact: true }).first()).toBeVisible()
  const nav = page.getByRole('navigation', { name: 'Main navigation' })
  for (const section of ['Postmortems', 'Search', 'Launches', 'Checklists', 'Settings'])
    await expect(nav.getByRole('link', { name: section })).toBeVisible()

  // The other tests start with this session (fixtures.ts, signInAsAdmin).
  await page.context().storageState({ path: adminSessionFile(test.info()) })

  // Setup happens once: afterwards it sends people to sign in.
  await page.context().clearCookies()
  await page.goto('/setup')
  await expect(page).toHaveURL(/\/sign-in/)
})
