import { expect, test, type Page } from '@playwright/test'
import pg from 'pg'
import { privateCluster, startCluster, stopCluster } from '../../scripts/lib/private-postgres'
import { admin, expectFieldText, expectSaved, newPostmortem } from '../fixtures'

// The app runs on a private Postgres cluster (scripts/outage-server.ts) that this test stops
// and starts, as when a database server restarts or fails over under a team that is typing.
// Port and folder come from playwright.outage.config.ts, which gives the server the same ones.
const cluster = privateCluster(Number(process.env.OUTAGE_PG_PORT), process.env.OUTAGE_PG_DIR!)
const text = '数据库重启时输入的文字 — typed while the database was down'
/** How long the app may take to notice the outage and to recover: a bound on a hang, not a speed. */
const RECOVERY_MS = 90_000

async function health(page: Page) {
  return (await page.request.get('/api/health')).status()
}

test('[OUTAGE]: the database goes away while someone types; nothing is lost and the app recovers by itself', async ({
  page,
  browser,
}) => {
  test.setTimeout(6 * RECOVERY_MS)
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
  const status = page.locator('[data-save-state]')
  // Waits below are generous: they bound a hang, not a speed (the figures are logged at the end).
  await expect(status).toHaveAttribute('data-save-state', 'offline', { timeout: RECOVERY_MS })
  await expect(status).toContainText('Offline — your text is kept on this device')
  await expectFieldText(page.getByLabel('Impact'), text)
  // Kept on this device: this browser's copy of the shared document holds it.
  expect(await keptInBrowser(page)).toContain(text)
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
  await expect.poll(() => health(page), { timeout: RECOVERY_MS, intervals: [250] }).toBe(200)
  const healthyAfterMs = Date.now() - restarted
  await expectSaved(page, RECOVERY_MS) // the editor's retry saved the pending text
  const savedAfterMs = Date.now() - restarted
  // The unavailable page came back by itself (it polls /api/health).
  await expect(list.getByRole('heading', { name: 'Postmortems', level: 1 })).toBeVisible({
    timeout: RECOVERY_MS,
  })
  const pageBackAfterMs = Date.now() - restarted
  console.log(
    `[OUTAGE] after the restart: health 200 in ${healthyAfterMs} ms, text saved in ${savedAfterMs} ms, page back in ${pageBackAfterMs} ms`,
  )

  await page.reload()
  await expectFieldText(page.getByLabel('Impact'), text)
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

/** Every change this browser keeps for the postmortems it edits (IndexedDB), as text. */
function keptInBrowser(page: Page) {
  return page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name ?? '')
    const texts: string[] = []
    for (const name of names.filter((n) => n.startsWith('hindsight:postmortem:'))) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name)
        open.onsuccess = () => resolve(open.result)
        open.onerror = () => reject(open.error)
      })
      const updates = await new Promise<Uint8Array[]>((resolve, reject) => {
        const all = db.transaction('updates').objectStore('updates').getAll()
        all.onsuccess = () => resolve(all.result as Uint8Array[])
        all.onerror = () => reject(all.error)
      })
      db.close()
      for (const update of updates) texts.push(new TextDecoder().decode(update))
    }
    return texts.join('\n')
  })
}
