import { expect, type Page } from '@playwright/test'

/** The first account, created through the setup page by first-run.setup.ts. */
export const admin = { name: 'Ada Admin', email: 'ada@example.com', password: 'correct horse battery' }

export async function signIn(page: Page, { email, password }: { email: string; password: string }) {
  await page.goto('/sign-in')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('heading', { name: 'Postmortems', level: 1 })).toBeVisible()
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('heading', { name: 'Sign in to Hindsight' })).toBeVisible()
}
