import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { copyPGliteTemplate } from '../../../scripts/lib/pglite-templates'
import { openPGlite } from './adapter'

/*
 * `npm start` on the embedded database is stopped with Ctrl-C or a SIGTERM: Next's own signal
 * handler exits the process without closing PGlite, and a crash or `kill -9` does not close
 * it either. Postgres inside PGlite writes its WAL before it acknowledges a commit, so the next
 * start replays it; this proves that every acknowledged write survives the harshest stop.
 *
 * @runs-once: its embedded database is its own, whatever the pass (npm test runs it in one).
 */
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hindsight-crash-'))
beforeAll(() => copyPGliteTemplate(dataDir, { migrated: false }))
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

const writer = `
import { PGlite } from '@electric-sql/pglite'
const db = new PGlite({ dataDir: process.argv[1] })
await db.exec('CREATE TABLE IF NOT EXISTS saves (id serial PRIMARY KEY, body text NOT NULL)')
for (let n = 1; ; n++) {
  await db.query('INSERT INTO saves (body) VALUES ($1)', ['自动保存 '.repeat(50) + n])
  process.stdout.write(n + '\\n')
}
`

/** Runs the writer until it has acknowledged `atLeast` commits, kills it with SIGKILL, returns the count. */
function writeThenKill(atLeast: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', writer, dataDir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let acknowledged = 0
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => {
      acknowledged = Math.max(acknowledged, ...chunk.trim().split('\n').map(Number))
      if (acknowledged >= atLeast) child.kill('SIGKILL')
    })
    child.on('exit', () => resolve(acknowledged))
    child.on('error', reject)
  })
}

it('keeps every acknowledged write when the process is killed without closing the database', async () => {
  const first = await writeThenKill(200)
  // The second run starts over from the first run's database (its own count starts at 1).
  const second = await writeThenKill(200)
  const db = openPGlite(dataDir)
  try {
    const { rows } = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM saves')
    expect(rows[0]!.count).toBeGreaterThanOrEqual(first + second)
    const { rows: check } = await db.query<{ ok: boolean }>(
      "SELECT bool_and(body LIKE '自动保存 %') AS ok FROM saves",
    )
    expect(check[0]!.ok).toBe(true)
  } finally {
    await db.close()
  }
})
