import type { Browser, Page } from '@playwright/test'
import { admin, ensureUser, expect, signIn, test, type Person } from './fixtures'

const pat = { name: 'Pat Password', email: 'pat@example.com', password: 'pat-first-pass' }
const quinn = { name: 'Quinn Reset', email: 'quinn@example.com', password: 'quinn-first-pass' }
const robin = { name: 'Robin Leaving', email: 'robin@example.com', password: 'robin-first-pass' }

// Several browsers and scrypt hashes per test: more than the default 30 s on a busy machine.
test.describe.configure({ mode: 'serial', timeout: 360_000 })

/** A signed-in browser of the person's own, as on their laptop or phone. */
async function signedIn(browser: Browser, person: Person): Promise<Page> {
  const page = await (await browser.newContext({ locale: 'en-US' })).newPage()
  await signIn(page, person)
  return page
}

async function expectSignedOut(page: Page) {
  await page.goto('/settings')
  await expect(page).toHaveURL(/\/sign-in/)
  await expect(page.getByRole('heading', { name: 'Sign in to Hindsight' })).toBeVisible()
}

async function expectSignInRefused(page: Page, person: Person, message: string) {
  await page.goto('/sign-in')
  await page.getByLabel('Email').fill(person.email)
  await page.getByLabel('Password').fill(person.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('alert').filter({ hasText: message })).toBeVisible()
}

test('[ACCOUNTS]: changing your password needs the current one and signs out your other sessions', async ({
  page,
  browser,
}) => {
  await ensureUser(page, pat, 'Editor')
  const laptop = await signedIn(browser, pat)
  const phone = await signedIn(browser, pat)

  await laptop.getByRole('link', { name: 'Settings' }).first().click()
  await laptop.getByLabel('Current password').fill('not my password')
  await laptop.getByLabel('New password').fill('pat-second-pass')
  await laptop.getByRole('button', { name: 'Change password' }).click()
  await expect(laptop.getByText('This is not your current password.')).toBeVisible()

  await laptop.getByLabel('Current password').fill(pat.password)
  await laptop.getByLabel('New password').fill('short')
  await laptop.getByRole('button', { name: 'Change password' }).click()
  await expect(laptop.getByText('Use at least 8 characters.')).toBeVisible()

  await laptop.getByLabel('Current password').fill(pat.password)
  await laptop.getByLabel('New password').fill('pat-second-pass')
  await laptop.getByRole('button', { name: 'Change password' }).click()
  // The phone, and the browser where Pat first set a password through the invite link.
  await expect(laptop.getByText('Password changed. 2 other sessions were signed out.')).toBeVisible()

  // This browser stays signed in; the phone is signed out on its next request.
  await laptop.reload()
  await expect(laptop.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible()
  await expectSignedOut(phone)
  await expectSignInRefused(phone, pat, 'Wrong email or password.')
  await signIn(phone, { ...pat, password: 'pat-second-pass' })

  // The name too, within the rules.
  await laptop.getByLabel('Name').fill('Pat Lee')
  await laptop.getByRole('button', { name: 'Save name' }).click()
  await expect(laptop.getByText('Your name is now Pat Lee.')).toBeVisible()
  await expect(laptop.getByTestId('current-user').first()).toHaveText('Pat Lee')
  await laptop.getByLabel('Name').fill(admin.name)
  await laptop.getByRole('button', { name: 'Save name' }).click()
  await expect(laptop.getByText('Someone else already uses this name.')).toBeVisible()
})

test("[ACCOUNTS]: an admin's reset link sets a new password once and ends the person's sessions", async ({
  page,
  browser,
}) => {
  await ensureUser(page, quinn, 'Viewer')
  const quinnsLaptop = await signedIn(browser, quinn)

  // Quinn has accepted the invitation since the admin's page was drawn.
  await page.reload()
  await expect(page.getByRole('row', { name: /Quinn Reset/ })).not.toContainText('Invited')
  await page.getByRole('button', { name: `Make a password reset link for ${quinn.name}` }).click()
  await expect(page.getByText(`Password reset link for ${quinn.name}, shown only this once`)).toBeVisible()
  const link = (await page.getByTestId('one-time-link').textContent()) ?? ''
  expect(link).toMatch(/\/reset-password\/[\w-]{40,}$/)
  // Making the link signs nobody out.
  await quinnsLaptop.reload()
  await expect(quinnsLaptop.getByRole('heading', { name: 'Postmortems', level: 1 })).toBeVisible()

  const phone = await (await browser.newContext({ locale: 'en-US' })).newPage()
  await phone.goto(link)
  await expect(phone.getByRole('heading', { name: 'Choose a new password' })).toBeVisible()
  await expect(phone.getByText(`For ${quinn.email}.`)).toBeVisible()
  await phone.getByLabel('New password').fill('short')
  await phone.getByRole('button', { name: 'Save password and sign in' }).click()
  await expect(phone.getByText('Use at least 8 characters.')).toBeVisible()
  await phone.getByLabel('New password').fill('quinn-second-pass')
  await phone.getByRole('button', { name: 'Save password and sign in' }).click()
  await expect(phone.getByRole('heading', { name: 'Postmortems', level: 1 })).toBeVisible()

  await expectSignedOut(quinnsLaptop)
  await expectSignInRefused(quinnsLaptop, quinn, 'Wrong email or password.')

  // Once only; a made-up link says so too.
  await phone.goto(link)
  await expect(phone.getByRole('heading', { name: 'This link was already used' })).toBeVisible()
  await phone.goto('/reset-password/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa')
  await expect(phone.getByRole('heading', { name: 'This link does not work' })).toBeVisible()
  await phone.getByRole('link', { name: 'Go to sign-in' }).click()
  await expect(phone).toHaveURL(/\/(sign-in|postmortems)/)
})

test("[ACCOUNTS]: deactivating someone stops their open session on the next request; they're told at sign-in", async ({
  page,
  browser,
}) => {
  await ensureUser(page, robin, 'Editor')
  const robins = await signedIn(browser, robin)
  await page.reload()

  await page.getByRole('button', { name: `Deactivate ${robin.name}` }).click()
  const row = page.getByRole('row', { name: new RegExp(robin.email) })
  await expect(row.getByText('Deactivated', { exact: true })).toBeVisible()
  // Not oneself: the admin's own row offers no such button.
  await expect(page.getByRole('button', { name: `Deactivate ${admin.name}` })).toHaveCount(0)

  await robins.getByRole('link', { name: 'Settings' }).first().click()
  await expect(robins).toHaveURL(/\/sign-in/)
  await expectSignInRefused(
    robins,
    robin,
    'This account is deactivated. Ask an admin if you need access again.',
  )
  // A wrong password gets the usual answer: nothing more is given away.
  await expectSignInRefused(robins, { ...robin, password: 'wrong password' }, 'Wrong email or password.')

  await page.getByRole('button', { name: `Reactivate ${robin.name}` }).click()
  await expect(row.getByText('Deactivated', { exact: true })).toHaveCount(0)
  await signIn(robins, robin)

  // Removal asks first, then keeps the name in the list as removed.
  await page.getByRole('button', { name: `Remove ${robin.name}` }).click()
  await page.getByRole('button', { name: 'Remove for good' }).click()
  const removed = page.getByRole('row', { name: new RegExp(robin.name) })
  await expect(removed.getByText('Removed', { exact: true })).toBeVisible()
  await expect(removed).not.toContainText(robin.email)
  await expectSignedOut(robins)

  await page.goto('/settings/audit')
  for (const entry of [
    /Account deactivated user:robin@example\.com 2 sessions ended/,
    /Account reactivated user:robin@example\.com/,
    /Account removed user:robin@example\.com/,
    /Quinn Reset quinn@example\.com Password reset by link user:quinn@example\.com/,
    /Pat Password pat@example\.com Password changed user:pat@example\.com 2 other sessions ended/,
  ])
    await expect(page.getByRole('row', { name: entry }).first()).toBeVisible()

  // What is typed in the filter means itself: "_" is in no name or address, so nothing matches,
  // and the page says so rather than calling the log empty.
  await page.getByLabel('Name or e-mail').fill('_')
  await page.getByRole('button', { name: 'Filter' }).click()
  await expect(page.getByText('No entries match these filters')).toBeVisible()
  await expect(page.getByRole('row', { name: /robin@example\.com/ })).toHaveCount(0)
})
