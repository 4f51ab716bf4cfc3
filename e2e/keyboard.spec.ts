import { expect, signInAsAdmin, test } from './fixtures'

test('[A11Y]: the first Tab stop skips the navigation to the page’s content, in both languages', async ({
  page,
}) => {
  await signInAsAdmin(page)
  await page.goto('/postmortems')
  await page.keyboard.press('Tab')
  const skip = page.getByRole('link', { name: 'Skip to content' })
  await expect(skip).toBeFocused()
  await expect(skip).toBeVisible()
  await page.keyboard.press('Enter')
  await expect(page.locator('main#main')).toBeFocused()
  // The next Tab stop is inside the content, not the navigation's first link.
  await page.keyboard.press('Tab')
  await expect(page.getByRole('navigation', { name: 'Main navigation' }).locator(':focus')).toHaveCount(0)

  await page.getByRole('button', { name: /^Language/ }).click()
  await page.getByRole('menuitemradio', { name: '简体中文' }).click()
  await expect(page.getByRole('heading', { name: '复盘', level: 1 })).toBeVisible()
  await page.reload()
  await page.keyboard.press('Tab')
  await expect(page.getByRole('link', { name: '跳到正文' })).toBeFocused()
})
