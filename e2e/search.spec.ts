import { randomUUID } from 'node:crypto'
import path from 'node:path'
import { type Locator, type Page } from '@playwright/test'
import { expect, expectSaved, newPostmortem, signInAsAdmin, test } from './fixtures'

const seed = path.resolve('src/server/imports/fixtures/launch-retro-mobile-alliance-1.1.zh.md')
const slowScript = '老用户福利初始化脚本执行过慢'
const replicaLag = '线上部分用户出现签到完成但签到列表未更新的情况'
const curlFailure = '生产环境发布后出现成长值明细4G网络大概率获取不到数据的情况'
const expectations = [
  ['主从延迟', replicaLag],
  ['索引', slowScript],
  ['curl', curlFailure],
  ['replication lag', replicaLag],
  ['uid index', slowScript],
] as const

/** Uploads the seed retro on the import page and imports all four incidents. */
async function importSeed(page: Page) {
  await page.getByRole('link', { name: 'Import Markdown' }).first().click()
  await page.getByLabel('Or choose a file (.md, up to 5 MB)').setInputFiles(seed)
  await page.getByRole('button', { name: 'Preview' }).click()
  await page.getByRole('button', { name: 'Import 4 postmortems' }).click()
  await expect(page.getByRole('heading', { level: 1, name: '移动联盟1.1版本上线总结回顾' })).toBeVisible()
}

/** Reads the first three items until one is about the incident, then checks its highlighted words. */
async function expectInTopThree(items: Locator, title: string) {
  await expect(async () => {
    const texts = await items.allInnerTexts()
    expect(texts.slice(0, 3).some((text) => text.includes(title))).toBe(true)
  }).toPass()
  const item = items.filter({ hasText: title }).first()
  await expect(item.locator('mark').first()).toBeVisible()
}

const searchResults = (page: Page) => page.getByRole('list', { name: 'Search' }).locator(':scope > li')

test('[SEARCH]: a Chinese word inside a sentence finds the incident, says where it matched, and the URL keeps the query', async ({
  page,
}) => {
  await signInAsAdmin(page)
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
  await expect(result.first()).toBeVisible()
  await expect(result.first().getByText('Symptom:')).toBeVisible()
  await expect(result.first().locator('mark').first()).toHaveText('白名单')

  await page.getByRole('searchbox', { name: 'Search postmortems' }).fill('firewalls callback')
  await page.getByRole('searchbox', { name: 'Search postmortems' }).press('Enter')
  await expect(page).toHaveURL(/\/search\?q=firewalls(\+|%20)callback/)
  await expect(result.first().getByText('Hypothesis · Confirmed:')).toBeVisible()

  await page.getByRole('searchbox', { name: 'Search postmortems' }).fill('量子纠缠')
  await page.getByRole('searchbox', { name: 'Search postmortems' }).press('Enter')
  await expect(page).toHaveURL(/\/search\?q=%E9%87%8F/)
  await expect(page.getByText('Nothing matches “量子纠缠”')).toBeVisible()

  await page.goBack()
  await expect(page.getByRole('searchbox', { name: 'Search postmortems' })).toHaveValue('firewalls callback')
})

test('[SEARCH]: Ctrl+K finds an incident from any page, and the editor shows similar past incidents while typing', async ({
  page,
}) => {
  await signInAsAdmin(page)
  // Its own incident: the specs run side by side and share the database.
  const title = `充值回调大量失败 ${randomUUID().slice(0, 8)}`
  await newPostmortem(page, title)
  await page.getByLabel('Symptom').fill('上线后充值回调大量失败，新机房的出口IP不在白名单里')
  await expectSaved(page)

  await page.getByRole('link', { name: 'Postmortems', exact: true }).click()
  await page.keyboard.press('Control+k')
  const palette = page.getByRole('dialog', { name: 'Search postmortems' })
  await expect(palette).toBeVisible()
  const box = palette.getByRole('combobox', { name: 'Search postmortems' })
  await box.fill('充值回调')
  const match = palette.getByRole('option', { name: new RegExp(title) })
  await expect(match).toBeVisible()
  // A screen reader follows the highlighted result while the focus stays in the input.
  await expect(box).toHaveAttribute('aria-expanded', 'true')
  await expect(box).toHaveAttribute('aria-autocomplete', 'list')
  const first = palette.getByRole('option').first()
  const firstId = (await first.getAttribute('id'))!
  await expect(box).toHaveAttribute('aria-activedescendant', firstId)
  await expect(first).toHaveAttribute('aria-selected', 'true')
  await box.press('ArrowDown')
  await expect(box).not.toHaveAttribute('aria-activedescendant', firstId)
  await expect(first).toHaveAttribute('aria-selected', 'false')
  await expect(box).toBeFocused()
  await box.press('ArrowUp')
  // Esc closes it and forgets the query.
  await page.keyboard.press('Escape')
  await expect(palette).toBeHidden()
  await page.keyboard.press('Control+k')
  await expect(box).toHaveValue('')
  await expect(box).toHaveAttribute('aria-expanded', 'false')
  await box.fill('充值回调')
  await expect(match).toBeVisible()
  await box.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: '充值回调大量失败' })).toBeVisible()

  await newPostmortem(page, '提现回调失败')
  const similar = page.getByRole('complementary', { name: 'Similar past incidents' })
  await page.getByLabel('Symptom').fill('提现回调也失败了，充值回调那次是新机房出口IP不在白名单')
  await expect(similar.getByRole('link', { name: /充值回调大量失败/ }).first()).toBeVisible()
  await expect(similar).toContainText('白名单')
})

test('[SEARCH]: after importing the seed retro, the palette and the search page find each incident in Chinese, English or both, with highlights; filters narrow; the editor shows the replica-lag incident for a stale-cache symptom', async ({
  page,
}) => {
  test.slow() // one long flow: an import, ten searches, two filters and the editor
  await signInAsAdmin(page)
  await importSeed(page)

  // The Ctrl/Cmd-K palette, from the launch page.
  for (const [query, title] of expectations) {
    await page.keyboard.press('Control+k')
    const palette = page.getByRole('dialog', { name: 'Search postmortems' })
    const box = palette.getByRole('combobox', { name: 'Search postmortems' })
    // The list shows the previous answer until the new one arrives: wait for the new one.
    const answered = page.waitForResponse(
      (r) =>
        new URL(r.url()).pathname === '/api/v1/search' && new URL(r.url()).searchParams.get('q') === query,
    )
    await box.fill('')
    await box.pressSequentially(query)
    await answered
    await expectInTopThree(palette.getByRole('option'), title)
    await page.keyboard.press('Escape')
    await expect(palette).toBeHidden()
  }

  // The search page.
  await page.getByRole('link', { name: 'Search' }).click()
  const box = page.getByRole('searchbox', { name: 'Search postmortems' })
  for (const [query, title] of expectations) {
    await box.fill(query)
    await box.press('Enter')
    await expect(page).toHaveTitle(new RegExp(`^${query} · `))
    await expectInTopThree(searchResults(page), title)
  }

  // A typo still finds it, and the page says what else it searched for.
  await box.fill('replcation lag')
  await box.press('Enter')
  await expect(page).toHaveTitle(/^replcation lag · /)
  await expect(page.getByText('Also searched for “replication”')).toBeVisible()
  await expectInTopThree(searchResults(page), replicaLag)

  // Filters: 主从 is in both incidents' hypotheses, but the confirmed root cause of only one.
  await box.fill('主从')
  await box.press('Enter')
  await expect(page).toHaveTitle(/^主从 · /)
  await expect(searchResults(page).filter({ hasText: slowScript }).first()).toBeVisible()
  await expect(searchResults(page).filter({ hasText: replicaLag }).first()).toBeVisible()
  await page.getByLabel('Words in').selectOption({ label: 'Confirmed root causes only' })
  await page.getByRole('button', { name: 'Search', exact: true }).click()
  await expect(page).toHaveURL(/scope=confirmed/)
  await expect(searchResults(page).filter({ hasText: replicaLag }).first()).toBeVisible()
  await expect(searchResults(page).filter({ hasText: slowScript })).toHaveCount(0)
  await expect(searchResults(page).first().getByText('Root cause:')).toBeVisible()
  await page.getByLabel('Words in').selectOption({ label: 'Hypotheses only' })
  await page.getByRole('button', { name: 'Search', exact: true }).click()
  await expect(page).toHaveURL(/scope=hypotheses/)
  await expect(searchResults(page).filter({ hasText: slowScript }).first()).toBeVisible()
  await expect(searchResults(page).filter({ hasText: replicaLag }).first()).toBeVisible()
  await page.getByLabel('Words in').selectOption({ label: 'Anywhere' })
  await page.getByLabel('Severity').selectOption({ label: 'SEV1 · critical' })
  await page.getByRole('button', { name: 'Search', exact: true }).click()
  // The filter is the likelier reason, and one click searches without it.
  await expect(page.getByText('Nothing matches “主从” with these filters')).toBeVisible()
  await page.getByRole('link', { name: 'Search without the filters' }).click()
  await expect(page).toHaveURL(/\/search\?q=%E4%B8%BB%E4%BB%8E$/)
  await expect(searchResults(page).filter({ hasText: replicaLag }).first()).toBeVisible()
  // A period reads when each incident happened, as the list does: these were written today.
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)
  await page.getByLabel('From', { exact: true }).fill(day(-1))
  await page.getByRole('button', { name: 'Search', exact: true }).click()
  await expect(page).toHaveURL(new RegExp(`from=${day(-1)}`))
  await expect(searchResults(page).filter({ hasText: replicaLag }).first()).toBeVisible()
  await page.getByLabel('From', { exact: true }).fill(day(2))
  await page.getByRole('button', { name: 'Search', exact: true }).click()
  await expect(page.getByText('Nothing matches “主从” with these filters')).toBeVisible()

  // Writing a new postmortem: a stale cache after a write brings up the replica-lag incident.
  await newPostmortem(page, 'Check-in list wrong after signing in')
  await page.getByLabel('Symptom').pressSequentially('After a write the cache kept showing stale data')
  const similar = page.getByRole('complementary', { name: 'Similar past incidents' })
  await expect(similar.getByRole('link', { name: new RegExp(replicaLag) }).first()).toBeVisible()
})
