import path from 'node:path'
import { expect, signInAsAdmin, test } from './fixtures'

const seed = path.resolve('src/server/imports/fixtures/launch-retro-mobile-alliance-1.1.zh.md')

test('[IMPORT]: the seed retro is uploaded, its mapping reviewed and imported as one launch with four postmortems', async ({
  page,
}) => {
  await signInAsAdmin(page)
  await page.getByRole('link', { name: 'Import Markdown' }).first().click()
  await expect(page.getByRole('heading', { level: 1, name: 'Import retros' })).toBeVisible()

  // Bad input is explained, not a crash.
  await page.getByLabel('Markdown').fill('just a sentence, no headings')
  await page.getByRole('button', { name: 'Preview' }).click()
  await expect(page.getByText('Not enough to import: a retro needs a heading')).toBeVisible()

  await page.getByLabel('Or choose a file (.md, up to 5 MB)').setInputFiles(seed)
  await expect(page.getByLabel('Markdown')).toHaveValue(/移动联盟1\.1版本上线总结回顾/)
  await page.getByRole('button', { name: 'Preview' }).click()

  await expect(page.getByLabel('Launch')).toHaveValue('移动联盟1.1版本上线总结回顾')
  const cards = page
    .getByRole('list', { name: 'Import retros' })
    .getByRole('listitem')
    .filter({ has: page.getByLabel('Title') })
  await expect(cards).toHaveCount(4)
  const slow = cards.nth(0)
  await expect(slow.getByLabel('Title')).toHaveValue('老用户福利初始化脚本执行过慢')
  for (const [n, verdict] of [
    [1, 'ELIMINATED'],
    [2, 'ELIMINATED'],
    [3, 'ELIMINATED'],
    [4, 'ELIMINATED'],
    [5, 'CONFIRMED'],
  ] as const)
    await expect(slow.getByLabel(`Hypotheses ${n}`, { exact: true })).toHaveValue(verdict)
  await expect(slow.getByText(/Metric: mq上报速度 0\.6\/s → 80\/s/)).toBeVisible()

  // The reviewer corrects a verdict, names a contributing factor and leaves the third incident out.
  await cards.nth(1).getByLabel('Hypotheses 2', { exact: true }).selectOption({ label: 'Eliminated' })
  const factor = cards.nth(1).getByRole('group', { name: 'Contributing factors' })
  await expect(factor.getByRole('checkbox', { name: 'Change or deploy · 变更发布' })).not.toBeChecked()
  await factor.getByRole('checkbox', { name: 'Change or deploy · 变更发布' }).check()
  await cards.nth(2).getByLabel('Import this postmortem').uncheck()
  await page.getByRole('button', { name: 'Import 3 postmortems' }).click()

  await expect(page.getByRole('heading', { level: 1, name: '移动联盟1.1版本上线总结回顾' })).toBeVisible()
  const listed = page.getByRole('link', { name: /PM-\d+/ })
  await expect(listed).toHaveCount(3)
  await expect(page.getByRole('link', { name: /线上修改及创建表结构遗漏/ })).toHaveCount(0)

  await page.getByRole('link', { name: /生产环境发布后出现成长值明细/ }).click()
  const rows = page.getByRole('article').getByRole('table').getByRole('row')
  await expect(rows.nth(2)).toContainText('Eliminated')
  await expect(rows.nth(4)).toContainText('Confirmed')
  await expect(page.getByRole('article')).toContainText('暂时关停108机器，待找到具体问题点之后再重新启用')
  await expect(page.getByText('Change or deploy · 变更发布')).toBeVisible()
})

const notice = path.resolve('src/server/imports/corpus/en-hygraph-us-west-redis-outage.md')

test('[IMPORT]: a status-page notice with no headings becomes a postmortem whose updates are its timeline; unsure parts are marked for checking', async ({
  page,
}) => {
  await signInAsAdmin(page)
  await page.goto('/imports')
  await page.getByLabel('Or choose a file (.md, up to 5 MB)').setInputFiles(notice)
  await page.getByRole('button', { name: 'Preview' }).click()

  const card = page.getByRole('list', { name: 'Import retros' }).getByRole('listitem').first()
  // The TOML front matter names it; the HTML source comment on line 1 does not.
  await expect(card.getByLabel('Title')).toHaveValue('Partial API Outage US WEST')
  await expect(card.getByText(/^3 timeline entries/)).toBeVisible()
  // Symptom, root cause and resolution were read from sentences, not sections: a person checks them.
  await expect(card.getByText(/parts to check/)).toBeVisible()
  const rootCause = card.getByRole('cell').filter({ hasText: /^Root cause/ })
  await expect(rootCause.getByText('Check this')).toBeVisible()
  await expect(rootCause).toContainText('REDIS hiccup')

  await page.getByRole('button', { name: 'Import 1 postmortem' }).click()
  await expect(page).toHaveURL(/\/postmortems\/\d+\/edit/)
  await expect(page.getByLabel('Title')).toHaveValue('Partial API Outage US WEST')
  await page.goto(page.url().replace(/\/edit$/, ''))
  const article = page.getByRole('article')
  await expect(article).toContainText('We are working on bringing the affected APIs online again.')
  await expect(article).toContainText('All APIs are online again.')
})
