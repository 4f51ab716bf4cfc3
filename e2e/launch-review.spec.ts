import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { type Page } from '@playwright/test'
import { admin, ensureUser, expect, signIn, test } from './fixtures'

const incident = '线上部分用户出现签到完成但签到列表未更新的情况'
const template = 'Schema change (e2e)'
const cacheCheck = 'Cache rebuild after a write reads the primary'
const schemaCheck = 'Every changed table is verified in production by its one owner'
const supportCheck = 'Announce the launch window to support'
const launchName = 'Mobile Alliance 1.3 (e2e)'
const tables = Array.from({ length: 70 }, (_, i) => `t_welfare_${String(i + 1).padStart(2, '0')}`)
const viewer = { name: 'Vera Viewer', email: 'vera@example.com', password: 'viewer password 1' }

function gate(baseURL: string, token: string, launch: string) {
  const run = spawnSync('npx', ['tsx', '--conditions=react-server', 'scripts/gate.ts', launch, '--json'], {
    env: { ...process.env, HINDSIGHT_URL: baseURL, HINDSIGHT_TOKEN: token },
    encoding: 'utf8',
  })
  return { code: run.status, body: JSON.parse(run.stdout || run.stderr) as Record<string, unknown> }
}

/**
 * The seed retro imported through the API (the import flow itself is imports.spec.ts's, which
 * may run on the other database): the number of its incident `incident`.
 */
async function importSeed(page: Page, baseURL: string) {
  const origin = { origin: baseURL }
  const preview = await page.request.post('/api/v1/imports/preview', {
    data: readFileSync('src/server/imports/fixtures/launch-retro-mobile-alliance-1.1.zh.md', 'utf8'),
    headers: { ...origin, 'content-type': 'text/markdown; charset=utf-8' },
  })
  expect(preview.status()).toBe(200)
  const saved = await page.request.post('/api/v1/imports', { data: await preview.json(), headers: origin })
  expect(saved.status()).toBe(201)
  for (const n of ((await saved.json()) as { numbers: number[] }).numbers) {
    const pm = (await (await page.request.get(`/api/v1/postmortems/${n}`)).json()) as {
      document: { title: string }
    }
    if (pm.document.title.includes(incident)) return n
  }
  throw new Error(`the seed retro has no incident "${incident}"`)
}

/** A pattern that finds `text` literally inside a longer name. */
const containing = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))

const check = (page: Page, text: string) => page.getByRole('listitem', { name: text, exact: true })

test('[CHECKLISTS]: a lesson becomes a template item, a launch is reviewed with it and the gate opens', async ({
  page,
  request,
  baseURL,
}) => {
  test.setTimeout(540_000)
  await ensureUser(page, viewer, 'Viewer')

  // An API token for the deploy pipeline, shown once.
  await page.goto('/settings/tokens')
  await page.getByLabel('Name').fill('Deploy pipeline')
  await page.getByRole('button', { name: 'Create token' }).click()
  const token = (await page.getByTestId('new-token').textContent())!.trim()
  expect(token).toMatch(/^hs_/)

  // A template, then the seed incident's lesson turned into its first item.
  await page.goto('/checklists')
  await page.getByLabel('Name').fill(template)
  await page.getByRole('button', { name: 'Create template' }).click()
  await expect(page.getByRole('heading', { level: 1, name: template })).toBeVisible()

  const number = await importSeed(page, baseURL!)
  await page.goto(`/postmortems/${number}`)
  await expect(page.getByText('1 lesson is not yet a checklist item.')).toBeVisible()
  await page.getByRole('link', { name: 'Turn into checklist item' }).click()
  await expect(page.getByLabel('Check', { exact: true })).toHaveValue(/主从延迟/)
  await expect(page.getByLabel('Why (rationale)')).toHaveValue(/主从延迟带来的影响/)
  await page.getByLabel('Template').selectOption({ label: template })
  await page.getByLabel('Check', { exact: true }).fill(cacheCheck)
  await page.getByLabel('Category').fill('Cache')
  await page.getByRole('button', { name: 'Add to template' }).click()
  await expect(page.getByRole('link', { name: containing(`Checklist item in ${template}`) })).toBeVisible()
  await expect(page.getByText('1 lesson is not yet a checklist item.')).toBeHidden()
  // A lesson that became an item links to it instead of offering to turn it again.
  await expect(page.getByRole('link', { name: 'Turn into checklist item' })).toBeHidden()

  // The template shows where the item came from; a second item has no source incident.
  await page.getByRole('link', { name: containing(`Checklist item in ${template}`) }).click()
  await expect(page.getByText(`Learned from PM-${number} · ${incident}`)).toBeVisible()
  const addForm = page.getByRole('form', { name: 'Add an item' })
  await addForm.getByLabel('Check', { exact: true }).fill(supportCheck)
  await addForm.getByRole('button', { name: 'Add item' }).click()
  // Two items (the first one's "Learned from" line is a nested list of its own).
  const items = page.getByRole('list', { name: 'Items' })
  await expect(items.getByText(supportCheck)).toBeVisible()
  await expect(items.locator(':scope > li')).toHaveCount(2)
  await expect(page.getByText('1 item has no source incident')).toBeVisible()

  // A launch reviewed with the template.
  await page.goto('/launches/new')
  await page.getByLabel('Name').fill(launchName)
  await page.getByRole('button', { name: 'Create launch' }).click()
  await expect(page.getByRole('heading', { level: 1, name: launchName })).toBeVisible()
  const slug = page.url().split('/launches/')[1]!
  await page.getByLabel('Template').selectOption({ label: `${template} (2 items)` })
  await page.getByRole('button', { name: 'Add checks' }).click()
  await expect(check(page, cacheCheck)).toBeVisible()
  await expect(check(page, cacheCheck).getByText(`Learned from PM-${number} · ${incident}`)).toBeVisible()
  await page.getByLabel('Check', { exact: true }).fill(schemaCheck)
  await page.getByRole('button', { name: 'Add ad-hoc check' }).click()
  await expect(check(page, schemaCheck).getByText('Ad hoc')).toBeVisible()
  await expect(page.getByTestId('readiness-verdict')).toHaveText('Not ready')

  // The owner rule: the review cannot start while a check has no owner.
  await page.getByRole('button', { name: 'Start review' }).click()
  await expect(page.getByText('Every check needs one owner before the review can start.')).toBeVisible()
  for (const text of [cacheCheck, supportCheck, schemaCheck]) {
    await check(page, text).getByLabel('Owner', { exact: true }).selectOption({ label: admin.name })
    await check(page, text)
      .getByRole('button', { name: /^Assign/ })
      .click()
    await expect(check(page, text).getByRole('status')).toHaveText('Saved')
  }
  // After a reload an owned check names its owner; the form to change it opens on request.
  await page.reload()
  await expect(check(page, supportCheck).getByText(`Owner: ${admin.name}`)).toBeVisible()
  await expect(check(page, supportCheck).getByLabel('Owner', { exact: true })).toHaveCount(0)
  await check(page, supportCheck).getByText('Change owner', { exact: true }).click()
  await expect(check(page, supportCheck).getByLabel('Owner', { exact: true })).toHaveValue(/.+/)
  await check(page, supportCheck)
    .getByRole('button', { name: /^Assign/ })
    .click()
  await expect(check(page, supportCheck).getByRole('status')).toHaveText('Saved')

  // 70 tables pasted as sub-checks.
  await check(page, schemaCheck).getByText('Add sub-checks (paste a list)').click()
  await check(page, schemaCheck).getByLabel('One sub-check per line').fill(tables.join('\n'))
  await check(page, schemaCheck).getByRole('button', { name: 'Create sub-checks' }).click()
  await expect(check(page, schemaCheck).getByTestId('sub-check-progress')).toHaveText('0 of 70 done')

  await page.getByRole('button', { name: 'Start review' }).click()
  await expect(page.getByRole('button', { name: 'Back to planning' })).toBeVisible()

  // Not ready: the API and the gate say so, with what blocks it.
  const before = await request.get(`/api/launches/${slug}/readiness`, {
    headers: { authorization: `Bearer ${token}` },
  })
  expect(before.status()).toBe(200)
  expect(await before.json()).toMatchObject({
    launch: { slug, name: launchName },
    ready: false,
    counts: { pass: 0, fail: 0, na: 0, waived: 0, pending: 3 },
    blocking: [
      { item: cacheCheck, owner: admin.name, status: 'PENDING' },
      { item: supportCheck, owner: admin.name, status: 'PENDING' },
      { item: schemaCheck, owner: admin.name, status: 'PENDING' },
    ],
  })
  expect(gate(baseURL!, token, slug)).toMatchObject({ code: 1, body: { ready: false } })
  expect((await request.get(`/api/launches/${slug}/readiness`)).status()).toBe(401)

  // PASS waits for every sub-check.
  const schema = check(page, schemaCheck)
  await schema.getByText('Record the verdict').click()
  await schema.getByLabel('Verdict').selectOption('PASS')
  await schema.getByLabel('Evidence').fill('https://ci.example.com/schema-diff/1.3')
  await schema.getByRole('button', { name: 'Save verdict' }).click()
  await expect(schema.getByText('Tick every sub-check first.')).toBeVisible()
  for (const table of tables) await schema.getByLabel(table, { exact: true }).check()
  // The progress counts what is saved: seventy saves, one after the other, each re-reading the
  // review (on CI's two busy cores, once over the 30 s of one expectation).
  await expect(schema.getByTestId('sub-check-progress')).toHaveText('70 of 70 done', { timeout: 180_000 })
  await page.reload()
  await expect(check(page, schemaCheck).getByTestId('sub-check-progress')).toHaveText('70 of 70 done')
  await check(page, schemaCheck).getByText('Record the verdict').click()
  await check(page, schemaCheck).getByLabel('Verdict').selectOption('PASS')
  await check(page, schemaCheck).getByLabel('Evidence').fill('https://ci.example.com/schema-diff/1.3')
  await check(page, schemaCheck).getByRole('button', { name: 'Save verdict' }).click()
  await expect(check(page, schemaCheck).getByTestId('check-status')).toHaveText('Pass')
  await expect(check(page, schemaCheck)).toContainText(`Verdict recorded by ${admin.name} on`)

  const cache = check(page, cacheCheck)
  await cache.getByText('Record the verdict').click()
  await cache.getByLabel('Verdict').selectOption('PASS')
  await cache.getByRole('button', { name: 'Save verdict' }).click()
  await expect(cache.getByText('A pass needs evidence: a link or a sentence.')).toBeVisible()
  await cache.getByLabel('Evidence').fill('Read the rebuild job: it queries the primary (db-master-01).')
  await cache.getByRole('button', { name: 'Save verdict' }).click()
  await expect(check(page, cacheCheck).getByTestId('check-status')).toHaveText('Pass')

  // A waiver needs a reason.
  const support = check(page, supportCheck)
  await support.getByText('Record the verdict').click()
  await support.getByLabel('Verdict').selectOption('WAIVED')
  await support.getByRole('button', { name: 'Save verdict' }).click()
  await expect(support.getByText('A waiver needs a reason.')).toBeVisible()
  await support.getByLabel('Reason').fill('Support is on the launch call anyway')
  await support.getByRole('button', { name: 'Save verdict' }).click()
  await expect(check(page, supportCheck).getByTestId('check-status')).toHaveText('Waived')

  await expect(page.getByTestId('readiness-verdict')).toHaveText('Ready to launch')
  await expect(check(page, cacheCheck).getByText(`Learned from PM-${number} · ${incident}`)).toBeVisible()
  const after = await request.get(`/api/launches/${slug}/readiness`, {
    headers: { authorization: `Bearer ${token}` },
  })
  expect(await after.json()).toMatchObject({
    ready: true,
    blocking: [],
    counts: { pass: 2, waived: 1, pending: 0 },
  })
  expect(gate(baseURL!, token, slug)).toMatchObject({ code: 0, body: { ready: true } })

  // The check's source opens its postmortem within the app: the document is not loaded again.
  await page.evaluate(() => Object.assign(window, { stillTheSameDocument: true }))
  await check(page, cacheCheck)
    .getByRole('link', { name: `PM-${number} · ${incident}` })
    .click()
  await expect(page).toHaveURL(new RegExp(`/postmortems/${number}$`))
  await expect(page.getByRole('heading', { level: 1, name: incident })).toBeVisible()
  expect(await page.evaluate(() => 'stillTheSameDocument' in window)).toBe(true)

  // The new check is found by search, next to the incidents.
  await page.goto('/search?q=primary')
  await expect(
    page.getByRole('region', { name: /Checklist items/ }).getByRole('link', { name: containing(cacheCheck) }),
  ).toBeVisible()

  // My work lists nothing open for the owner any more on this launch.
  await page.goto('/my-work')
  await expect(page.getByRole('heading', { name: 'My work', level: 1 })).toBeVisible()
  await expect(page.getByRole('link', { name: containing(launchName) })).toHaveCount(0)

  // A viewer reads the review but cannot change anything. (The admin's session is the one every
  // test shares: leave it open, as someone handing over the laptop would not.)
  await page.context().clearCookies()
  await signIn(page, viewer)
  await page.goto(`/launches/${slug}`)
  await expect(page.getByTestId('readiness-verdict')).toHaveText('Ready to launch')
  await expect(check(page, cacheCheck).getByText('Owner: Ada Admin')).toBeVisible()
  const review = page.getByRole('region', { name: 'Launch review' })
  await expect(review.getByRole('combobox')).toHaveCount(0)
  await expect(review.getByText('Record the verdict')).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Mark launched' })).toHaveCount(0)
  await expect(review.getByRole('checkbox').first()).toBeDisabled()

  // The loop, filtered to this launch: each item's card counts its verdict and names the launch.
  await page.goto(`/insights/loop?launch=${slug}`)
  const card = (text: string) =>
    page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: text }) })
  // Launches, passed, failed, waived, N/A, incidents after a waiver, dismissed.
  await expect(card(cacheCheck).getByRole('definition')).toHaveText(['1', '1', '0', '0', '0', '0', '0'])
  await expect(card(supportCheck).getByRole('definition')).toHaveText(['1', '0', '0', '1', '0', '0', '0'])
  await expect(card(supportCheck).getByRole('listitem')).toHaveText(`${launchName} · Waived`)
  await card(supportCheck).getByRole('link', { name: launchName }).click()
  await expect(page.getByRole('heading', { level: 1, name: launchName })).toBeVisible()

  await page.goto('/checklists')
  await page.getByRole('link', { name: containing(template) }).click()
  await expect(page.getByRole('button', { name: 'Add item' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: /Move .* up/ })).toHaveCount(0)
})
