import { expect, signInAsAdmin, test } from './fixtures'

test('[I18N]: the language follows the browser until one is chosen, and the choice survives a reload', async ({
  browser,
}) => {
  const chinese = await browser.newContext({ locale: 'zh-CN' })
  const page = await chinese.newPage()
  await page.goto('/sign-in')
  await expect(page.getByRole('heading', { name: '登录 Hindsight' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')

  await page.getByRole('button', { name: /^语言/ }).click()
  await page.getByRole('menuitemradio', { name: 'English' }).click()
  await expect(page.getByRole('heading', { name: 'Sign in to Hindsight' })).toBeVisible()
  await signInAsAdmin(page)

  await page.getByRole('button', { name: /^Language/ }).click()
  await page.getByRole('menuitemradio', { name: '简体中文' }).click()
  await expect(page.getByRole('heading', { name: '复盘', level: 1 })).toBeVisible()
  await expect(page.getByRole('link', { name: '新建复盘' }).first()).toBeVisible()
  await page.reload()
  await expect(page.getByRole('heading', { name: '复盘', level: 1 })).toBeVisible()
  await page.getByRole('link', { name: '设置' }).click()
  await expect(page.getByRole('heading', { name: '设置', level: 1 })).toBeVisible()
  await expect(page.getByText('管理员').first()).toBeVisible()
  await chinese.close()
})
