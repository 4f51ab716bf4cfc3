import type { Browser, Page } from '@playwright/test'
import { admin, expect, signInAsAdmin, signOut, test } from './fixtures'

/*
 * Single sign-on against a real OpenID provider (e2e/support/oidc-provider.ts, started by
 * playwright.config.ts, which also gives the app its SSO_* settings: domain example.com,
 * default role Viewer, groups claim hindsight-admins → Admin). Any password signs in at the
 * provider; the login typed is the person's e-mail, and `name+group@…` adds that group.
 */
const run = Date.now().toString(36)

/** Clicks "Sign in with Example ID" and signs in at the provider, unless its session is still open. */
async function ssoSignIn(page: Page, login: string) {
  await page.goto('/sign-in')
  await page.getByRole('link', { name: 'Sign in with Example ID' }).click()
  const providerLogin = page.locator('input[name=login]')
  // Off to the provider, or (its session still open) straight back: to the app, or refused.
  await page.waitForURL((url) => url.pathname !== '/sign-in' || url.searchParams.has('error'))
  if (await providerLogin.isVisible()) {
    await providerLogin.fill(login)
    await page.locator('input[name=password]').fill('any password')
    await page.locator('button[type=submit]').click()
  }
}

/** The admin's view of a person on the users page, in a context of its own. */
async function asAdmin(browser: Browser, check: (page: Page) => Promise<void>) {
  const context = await browser.newContext()
  const page = await context.newPage()
  await signInAsAdmin(page)
  await check(page)
  await context.close()
}

test('[SSO]: a new person from an allowed domain signs in with the default role, and is audited', async ({
  page,
  browser,
}) => {
  const email = `sam-${run}@example.com`
  const name = `sam-${run} (example.com)`
  await ssoSignIn(page, email)
  await expect(page.getByRole('heading', { name: 'Postmortems', level: 1 })).toBeVisible()
  await expect(page.getByTestId('current-user').first()).toHaveText(name)
  await expect(page).toHaveURL(/\/postmortems$/)

  await asAdmin(browser, async (adminPage) => {
    await adminPage.goto('/settings/users')
    await expect(adminPage.getByLabel(`Change role of ${name}`)).toHaveValue('VIEWER')
    await adminPage.goto('/settings/audit?action=sso-sign-in')
    await expect(adminPage.getByText(email).first()).toBeVisible()
    await adminPage.goto('/settings/audit?action=user-created')
    await expect(adminPage.getByText(`user:${email}`).first()).toBeVisible()
  })
})

test('[SSO]: the role comes from the groups claim, also when the person comes back', async ({ page }) => {
  const email = `kim-${run}+hindsight-admins@example.com`
  await ssoSignIn(page, email)
  await expect(page.getByRole('heading', { name: 'Postmortems', level: 1 })).toBeVisible()
  await page.goto('/settings/users')
  await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible()
  await expect(page.getByLabel(`Change role of kim-${run} (example.com)`)).toHaveValue('ADMIN')

  // Returning: the provider's session is still open, so it sends them straight back.
  await signOut(page)
  await ssoSignIn(page, email)
  await expect(page.getByRole('heading', { name: 'Postmortems', level: 1 })).toBeVisible()
  await expect(page.getByTestId('current-user').first()).toHaveText(`kim-${run} (example.com)`)
})

test('[SSO]: another domain is refused with a clear message, no account and an audit entry', async ({
  page,
  browser,
}) => {
  const email = `eve-${run}@evil.test`
  await ssoSignIn(page, email)
  await expect(page).toHaveURL(/\/sign-in\?error=sso_domain_not_allowed/)
  await expect(
    page.getByRole('alert').filter({
      hasText:
        'Single sign-on is not open to your email address’s domain. Ask your administrator which accounts can use Hindsight.',
    }),
  ).toBeVisible()
  await expect(page.getByRole('link', { name: 'Sign in with Example ID' })).toBeVisible()

  await asAdmin(browser, async (adminPage) => {
    await adminPage.goto('/settings/users')
    await expect(adminPage.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible()
    await expect(adminPage.getByText(email)).toHaveCount(0)
    await adminPage.goto('/settings/audit?action=sso-sign-in-refused')
    await expect(adminPage.getByText(`${email}: domain-not-allowed`)).toBeVisible()
  })
})

test('[SSO]: an existing password account signs in with the provider and keeps its role', async ({
  page,
}) => {
  // The first-run admin, made with a password, has an allowed e-mail: single sign-on links to it.
  await ssoSignIn(page, admin.email)
  await expect(page.getByTestId('current-user').first()).toHaveText(admin.name)
  await page.goto('/settings/users')
  await expect(page.getByLabel(`Change role of ${admin.name}`)).toHaveValue('ADMIN')
})
