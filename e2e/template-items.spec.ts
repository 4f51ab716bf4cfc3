import { randomUUID } from 'node:crypto'
import { expect, signInAsAdmin, test } from './fixtures'

test('[CHECKLISTS]: a template’s items are reordered with their buttons, archived from their edit panel and restored', async ({
  page,
}) => {
  await signInAsAdmin(page)
  const id = randomUUID().slice(0, 8)
  const template = `Release ${id}`
  const [canary, flags, rollback] = [
    `Canary first ${id}`,
    `Feature flags off ${id}`,
    `Rollback rehearsed ${id}`,
  ]
  const items = [canary, flags, rollback]

  await page.goto('/checklists')
  await page.getByLabel('Name').fill(template)
  await page.getByRole('button', { name: 'Create template' }).click()
  await expect(page.getByRole('heading', { level: 1, name: template })).toBeVisible()
  const list = page.getByRole('list', { name: 'Items' })
  const addForm = page.getByRole('form', { name: 'Add an item' })
  for (const item of items) {
    await addForm.getByLabel('Check', { exact: true }).fill(item)
    await addForm.getByRole('button', { name: 'Add item' }).click()
    await expect(list.getByText(item)).toBeVisible()
  }
  // The cards in order, each read by the item it names.
  const cards = list.locator(':scope > li')
  const inOrder = (...names: string[]) => expect(cards).toHaveText(names.map((n) => new RegExp(n)))
  await inOrder(...items)

  // The last item moved up with its button (the way that needs no dragging): the order is kept.
  await page.getByRole('button', { name: `Move “${rollback}” up` }).click()
  await inOrder(canary, rollback, flags)
  await page.reload()
  await inOrder(canary, rollback, flags)
  await expect(page.getByRole('button', { name: `Move “${canary}” up` })).toBeDisabled()

  // Archiving sits in the item's edit panel, not one click away on every card.
  await expect(page.getByRole('button', { name: `Archive “${canary}”` })).toHaveCount(0)
  await page.getByLabel(`Edit “${canary}”`).click()
  await page.getByRole('button', { name: `Archive “${canary}”` }).click()
  await inOrder(rollback, flags)
  await page.getByText('1 archived item').click()
  await page.getByRole('button', { name: `Restore “${canary}”` }).click()
  // Restored where it was.
  await inOrder(canary, rollback, flags)
})
