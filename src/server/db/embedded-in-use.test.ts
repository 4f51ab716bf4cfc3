import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { copyPGliteTemplate } from '../../../scripts/lib/pglite-templates'
import { skipBecause } from '../../test/skip-because'
import { createAdapter } from './adapter'
import { DatabaseInUse, processesUsing } from './embedded-in-use'

/** Stands in for a running Hindsight: another process with the embedded database open. */
async function holdOpen(dataDir: string) {
  const holder = spawn(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import { PGlite } from '@electric-sql/pglite'
       const db = new PGlite(${JSON.stringify(dataDir)})
       await db.query('SELECT 1')
       console.log('open')
       setInterval(() => {}, 1000)`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  await once(holder.stdout, 'data')
  return {
    pid: holder.pid,
    stop: async () => {
      holder.kill('SIGKILL')
      await once(holder, 'exit')
    },
  }
}

describe('an embedded database open in another process', () => {
  it('is refused on the first query, and opens once that process has stopped', async (context) => {
    if (process.platform !== 'linux')
      skipBecause(context, 'finding the other process reads /proc (Linux only)')
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hindsight-in-use-'))
    await copyPGliteTemplate(dataDir, { migrated: false })
    const holder = await holdOpen(dataDir)
    const adapter = createAdapter({ kind: 'pglite', dataDir })
    try {
      expect(processesUsing(dataDir)).toEqual([holder.pid])
      const refused = adapter.factory.connect()
      await expect(refused).rejects.toThrow(DatabaseInUse)
      await expect(refused).rejects.toThrow(/Stop it first/)
    } finally {
      await holder.stop()
    }
    expect(processesUsing(dataDir)).toEqual([])
    const reopened = createAdapter({ kind: 'pglite', dataDir })
    const connection = await reopened.factory.connect()
    const result = await connection.queryRaw({ sql: 'SELECT 41 + 1 AS n', args: [], argTypes: [] })
    expect(result.rows).toEqual([[42]])
    await reopened.close()
    rmSync(dataDir, { recursive: true, force: true })
  }, 300_000)

  it('is not opened by creating a client that never queries (as `next build` does)', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hindsight-lazy-'))
    const adapter = createAdapter({ kind: 'pglite', dataDir })
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(readdirSync(dataDir)).toEqual([])
    await adapter.close()
    rmSync(dataDir, { recursive: true, force: true })
  })
})
