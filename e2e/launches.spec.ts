import { expect, expectSaved, signInAsAdmin, test } from './fixtures'

test('[LAUNCH]: a release retro groups its postmortems and exports as one document', async ({ page }) => {
  await signInAsAdmin(page)
  await page.getByRole('link', { name: 'Launches' }).click()
  await page.getByRole('link', { name: 'New launch' }).first().click()
  await page.getByLabel('Name').fill('移动联盟1.2版本')
  await page.getByLabel('Planned date').fill('2026-11-01')
  await page.getByLabel('Launch date').fill('2026-10-01')
  // The services it touches (they decide what past incidents propose for it); kept through a refusal.
  await page.getByLabel('Services this launch touches').fill('成长值')
  await page.getByLabel('Services this launch touches').press('Enter')
  await page.getByRole('button', { name: 'Create launch' }).click()
  await expect(page.getByText('This must not be earlier than the dates before it.')).toBeVisible()
  await page.getByLabel('Launch date').fill('2026-11-02')
  await page.getByLabel('Description').fill('老用户福利、成长值、签到上线。')
  await page.getByRole('button', { name: 'Create launch' }).click()
  await expect(page.getByRole('heading', { level: 1, name: '移动联盟1.2版本' })).toBeVisible()
  await expect(page.getByText('No postmortem for this launch yet.')).toBeVisible()
  await expect(page.getByRole('definition').filter({ hasText: '成长值' })).toBeVisible()

  await page.getByRole('link', { name: 'Write a postmortem for this launch' }).click()
  await expect(page).toHaveURL(/\/postmortems\/new\?launch=/)
  await expect(page.getByLabel('Launch', { exact: true })).toHaveValue(/.+/)
  await page.getByLabel('Title').fill('线上修改及创建表结构遗漏')
  await page.getByRole('button', { name: 'Create and start writing' }).click()
  await page.getByLabel('Symptom').fill('回归验证时发现有部分表结构线上未创建')
  await expectSaved(page)

  await page.getByRole('link', { name: 'Launches' }).click()
  await expect(page.getByRole('link', { name: /移动联盟1\.2版本/ })).toContainText('1 postmortem')
  await page.getByRole('link', { name: /移动联盟1\.2版本/ }).click()
  await expect(page.getByRole('link', { name: /线上修改及创建表结构遗漏/ })).toBeVisible()

  const slug = page.url().split('/').pop()!

  // The list's launch filter suggests launches by any part of their name as one types; the one
  // picked filters the list by its slug, and the field still names it once the list is filtered.
  await page.getByRole('link', { name: 'Postmortems' }).click()
  const filter = page.getByLabel('Launch', { exact: true })
  await filter.pressSequentially('联盟1.2')
  await expect(page.locator('datalist option[value="移动联盟1.2版本"]')).toHaveCount(1)
  await filter.fill('移动联盟1.2版本')
  await page.getByRole('button', { name: 'Apply' }).click()
  await expect(page).toHaveURL(new RegExp(`[?&]launch=${slug}(&|$)`))
  await expect(page.getByRole('link', { name: /线上修改及创建表结构遗漏/ })).toBeVisible()
  await expect(filter).toHaveValue('移动联盟1.2版本')

  const markdown = await (await page.request.get(`/api/v1/launches/${slug}/markdown`)).text()
  expect(markdown).toContain('# 移动联盟1.2版本')
  expect(markdown).toContain('老用户福利、成长值、签到上线。')
  expect(markdown).toMatch(/## PM-\d+ · 线上修改及创建表结构遗漏/)
  expect(markdown).toContain('回归验证时发现有部分表结构线上未创建')

  const json = await (await page.request.get(`/api/v1/launches/${slug}`)).json()
  expect(json.launch.name).toBe('移动联盟1.2版本')
  expect(json.postmortems).toHaveLength(1)
  expect(json.postmortems[0].document.symptom).toBe('回归验证时发现有部分表结构线上未创建')
})
