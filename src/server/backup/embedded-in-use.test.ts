import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { assertNotInUse, DatabaseInUse, processesUsing } from './embedded-in-use'

describe.runIf(process.platform === 'linux')('an embedded database open in another process', () => {
  it('is found by the files it holds open, and backup/restore refuse it', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hindsight-in-use-'))
    // Stands in for a running Hindsight: PGlite keeps the folder's files open.
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `require('fs').openSync(${JSON.stringify(path.join(dataDir, 'PG_VERSION'))}, 'w'); console.log('open'); setInterval(() => {}, 1000)`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    )
    try {
      await once(holder.stdout, 'data')
      expect(processesUsing(dataDir)).toEqual([holder.pid])
      expect(() => assertNotInUse({ kind: 'pglite', dataDir })).toThrow(DatabaseInUse)
      expect(() => assertNotInUse({ kind: 'pglite', dataDir })).toThrow(/Stop it first/)
    } finally {
      holder.kill()
      await once(holder, 'exit')
    }
    expect(processesUsing(dataDir)).toEqual([])
    expect(() => assertNotInUse({ kind: 'pglite', dataDir })).not.toThrow()
    rmSync(dataDir, { recursive: true, force: true })
  })
})
