import { expect, test } from '@playwright/test'
import { admin, expectSaved, newPostmortem, signIn } from './fixtures'

test('[SEARCH]: a Chinese word inside a sentence finds the incident, says where it matched, and the URL keeps the query', async ({
  page,
}) => {
  await signIn(page, admin)
  await newPostmortem(page, '支付回调大量失败')
  await page.getByLabel('Symptom').fill('上线后支付回调大量失败，排查发现新机房的出口IP不在白名单里')
  await page.getByRole('button', { name: 'Add hypothesis' }).click()
  await page.getByLabel('Suspicion').fill('Firewall rules blocked the callbacks')
  await page.getByLabel('Verdict').selectOption({ label: 'Confirmed' })
  await expectSaved(page)

  await page.getByRole('link', { name: 'Search' }).click()
  await expect(page.getByText('Search every incident')).toBeVisible()
  await page.getByRole('searchbox', { name: 'Search postmortems' }).fill('白名单')
  await page.getByRole('searchbox', { name: 'Search postmortems' }).press('Enter')
  await expect(page).toHaveURL(/\/search\?q=%E7%99%BD%E5%90%8D%E5%8D%95/)
  const result = page
    .getByRole('list', { name: 'Search' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: '支付回调大量失败' }) })
  await expect(result).toBeVisible()
  await expect(result.getByText('Symptom:')).toBeVisible()
  await expect(result.locator('mark').first()).toHaveText('白名单')

  await page.getByRole('searchbox', { name: 'Search postmortems' }).fill('firewalls callback')
  await page.getByRole('searchbox', { name: 'Search postmortems' }).press('Enter')
  await expect(page.getByRole('list', { name: 'Search' }).getByText('Hypothesis · Confirmed:')).toBeVisible()

  await page.getByRole('searchbox', { name: 'Search postmortems' }).fill('量子纠缠')
  await page.getByRole('searchbox', { name: 'Search postmortems' }).press('Enter')
  await expect(page.getByText('Nothing matches “量子纠缠”')).toBeVisible()

  await page.goBack()
  await expect(page.getByRole('searchbox', { name: 'Search postmortems' })).toHaveValue('firewalls callback')
})

test('[SEARCH]: Ctrl+K finds an incident from any page, and the editor shows similar past incidents while typing', async ({
  page,
}) => {
  await signIn(page, admin)
  await page.keyboard.press('Control+k')
  const palette = page.getByRole('dialog', { name: 'Search postmortems' })
  await expect(palette).toBeVisible()
  await palette.getByRole('combobox', { name: 'Search postmortems' }).fill('白名单')
  await expect(palette.getByRole('option', { name: /支付回调大量失败/ })).toBeVisible()
  await palette.getByRole('combobox', { name: 'Search postmortems' }).press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: '支付回调大量失败' })).toBeVisible()

  await newPostmortem(page, '退款回调失败')
  const similar = page.getByRole('complementary', { name: 'Similar past incidents' })
  await page.getByLabel('Symptom').fill('退款回调也失败了，新机房出口IP可能不在白名单')
  await expect(similar.getByRole('link', { name: /支付回调大量失败/ })).toBeVisible()
  await expect(similar).toContainText('白名单')
})
