import { randomUUID } from 'node:crypto'
import { type Page } from '@playwright/test'
import { admin, expect, signInAsAdmin, test } from './fixtures'

/** A new launch reviewed with `template`, its one check waived with `reason`. */
async function waivedAt(page: Page, launch: string, template: string, item: string, reason: string) {
  await page.goto('/launches/new')
  await page.getByLabel('Name').fill(launch)
  await page.getByRole('button', { name: 'Create launch' }).click()
  await expect(page.getByRole('heading', { level: 1, name: launch })).toBeVisible()
  await page.getByLabel('Template').selectOption({ label: `${template} (1 item)` })
  await page.getByRole('button', { name: 'Add checks' }).click()
  const check = page.getByRole('listitem', { name: item, exact: true })
  await check.getByLabel('Owner', { exact: true }).selectOption({ label: admin.name })
  await check.getByRole('button', { name: /^Assign/ }).click()
  await expect(check.getByRole('status')).toHaveText('Saved')
  await page.getByRole('button', { name: 'Start review' }).click()
  await expect(page.getByRole('button', { name: 'Back to planning' })).toBeVisible()
  await check.getByText('Record the verdict').click()
  await check.getByLabel('Verdict').selectOption('WAIVED')
  await check.getByLabel('Reason').fill(reason)
  await check.getByRole('button', { name: 'Save verdict' }).click()
  await expect(check.getByTestId('check-status')).toHaveText('Waived')
}

test('[CHECKLISTS]: an item waived at five launches lists three on its card and the other two when asked', async ({
  page,
}) => {
  test.slow()
  await signInAsAdmin(page)
  const id = randomUUID().slice(0, 8)
  const template = `Rollout ${id}`
  const item = `Canary before the rollout ${id}`

  await page.goto('/checklists')
  await page.getByLabel('Name').fill(template)
  await page.getByRole('button', { name: 'Create template' }).click()
  await expect(page.getByRole('heading', { level: 1, name: template })).toBeVisible()
  const templatePage = page.url()
  const addForm = page.getByRole('form', { name: 'Add an item' })
  await addForm.getByLabel('Check', { exact: true }).fill(item)
  await addForm.getByRole('button', { name: 'Add item' }).click()
  await expect(page.getByRole('list', { name: 'Items' }).getByText(item)).toBeVisible()

  const launches = [1, 2, 3, 4, 5].map((n) => `Launch ${n} of ${id}`)
  for (const launch of launches) await waivedAt(page, launch, template, item, `Not for ${launch}`)

  await page.goto(templatePage)
  const card = page.getByRole('list', { name: 'Items' }).locator(':scope > li').filter({ hasText: item })
  const waived = card.getByText(/^Waived at Launch \d of /)
  await expect(waived).toHaveCount(3)
  await card
    .getByText(
      'Waived or marked not applicable at 5 launches in all, followed by no incidents: show the 2 others',
    )
    .click()
  await expect(waived).toHaveCount(5)
  for (const launch of launches)
    await expect(card.getByText(`Waived at ${launch} — Not for ${launch}`)).toBeVisible()
})
