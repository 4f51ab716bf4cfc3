import { expect, test, type Page } from '@playwright/test'
import pg from 'pg'
import { privateCluster, startCluster, stopCluster } from '../../scripts/lib/private-postgres'
import { admin, expectSaved, newPostmortem } from '../fixtures'

// The app runs on a private Postgres cluster (scripts/outage-server.ts) that this test stops
// and starts, as when a database server restarts or fails over under a team that is typing.
const cluster = privateCluster(Number(process.env.OUTAGE_PG_PORT ?? 5499))
const text = '数据库重启时输入的文字 — typed while the database was down'

async function health(page: Page) {
  return (await page.request.get('/api/health')).status()
}

test('[OUTAGE]: the database goes away while someone types; nothing is lost and the app recovers by itself', async ({
  page,
  browser,
}) => {
  // First run on the empty database: the admin account.
  await page.goto('/setup')
  await page.getByLabel('Name').fill(admin.name)
  await page.getByLabel('Email').fill(admin.email)
  await page.getByLabel('Password').fill(admin.password)
  await page.getByRole('button', { name: 'Create admin account' }).click()
  await expect(page).toHaveURL(/\/postmortems$/)

  const url = await newPostmortem(page, 'Typed through a database restart')
  const number = Number(/\/postmortems\/(\d+)\/edit$/.exec(url)![1])
  await expectSaved(page)
  expect(await health(page)).toBe(200)

  // ── the database stops ──
  stopCluster(cluster)
  await page.getByLabel('Impact').fill(text)
  const status = page.locator('[role=status][data-state]')
  await expect(status).toHaveAttribute('data-state', 'offline', { timeout: 15_000 })
  await expect(page.getByText('Offline — your text is kept on this device')).toBeVisible()
  await expect(page.getByLabel('Impact')).toHaveValue(text)
  expect(await page.evaluate((n) => localStorage.getItem(`hindsight:postmortem:${n}`), number)).toContain(
    text,
  )
  expect(await health(page)).toBe(503)

  // Pages say the database is unavailable, in the reader's language.
  const list = await page.context().newPage()
  await list.goto('/postmortems')
  await expect(list.getByRole('heading', { name: 'Database unavailable' })).toBeVisible()
  const zhContext = await browser.newContext({ locale: 'zh-CN' })
  await zhContext.addCookies(await page.context().cookies())
  const zh = await zhContext.newPage()
  await zh.goto(new URL('/postmortems', page.url()).toString())
  await expect(zh.getByRole('heading', { name: '数据库不可用' })).toBeVisible()
  await zhContext.close()

  // ── the database comes back ──
  const restarted = Date.now()
  startCluster(cluster)
  await expect.poll(() => health(page), { timeout: 15_000, intervals: [250] }).toBe(200)
  const healthyAfterMs = Date.now() - restarted
  await expectSaved(page) // the editor's retry saved the pending text
  const savedAfterMs = Date.now() - restarted
  // The unavailable page came back by itself (it polls /api/health).
  await expect(list.getByRole('heading', { name: 'Postmortems', level: 1 })).toBeVisible({ timeout: 15_000 })
  const pageBackAfterMs = Date.now() - restarted
  console.log(
    `[OUTAGE] after the restart: health 200 in ${healthyAfterMs} ms, text saved in ${savedAfterMs} ms, page back in ${pageBackAfterMs} ms`,
  )

  await page.reload()
  await expect(page.getByLabel('Impact')).toHaveValue(text)
  const client = new pg.Client({ connectionString: cluster.url })
  await client.connect()
  try {
    const { rows } = await client.query<{ impact: string }>(
      'SELECT impact FROM "Postmortem" WHERE number = $1',
      [number],
    )
    expect(rows[0]?.impact).toBe(text)
  } finally {
    await client.end()
  }
})
