// @every-database: every migration must apply on both kinds.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createTestDatabase } from '../../../scripts/lib/test-database'
import { migrate, migrationsDir, migrationStatus } from './migrations'

// Each test migrates a whole database: minutes on a busy machine, so no 30 s limit.
describe('offline migrations (real database)', { timeout: 180_000 }, () => {
  it('applies every migration to an empty database once, and reports none pending after', async () => {
    const database = await createTestDatabase('hindsight_mig', { migrated: false })
    try {
      const before = await migrationStatus(database.target)
      expect(before.pending).toEqual(before.migrations)
      expect(before.migrations.length).toBeGreaterThan(0)

      const applied = await migrate(database.target)
      expect(applied).toEqual(before.migrations)
      expect(await migrate(database.target)).toEqual([])
      expect(await migrationStatus(database.target)).toMatchObject({ pending: [], failed: [], edited: [] })
    } finally {
      await database.drop()
    }
  })

  it('lets two processes start at once: one migrates, the other waits and finds nothing to do', async () => {
    const database = await createTestDatabase('hindsight_mig', { migrated: false })
    try {
      const [a, b] = await Promise.all([migrate(database.target), migrate(database.target)])
      expect([a.length, b.length].sort()).toEqual([
        0,
        (await migrationStatus(database.target)).migrations.length,
      ])
    } finally {
      await database.drop()
    }
  })

  it('does not record a failing migration as applied', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hindsight-migrations-'))
    cpSync(migrationsDir, dir, { recursive: true })
    mkdirSync(path.join(dir, '99990101000000_broken'))
    writeFileSync(
      path.join(dir, '99990101000000_broken', 'migration.sql'),
      'ALTER TABLE "NoSuchTable" ADD COLUMN x int;',
    )
    const database = await createTestDatabase('hindsight_mig', { migrated: false })
    try {
      await expect(migrate(database.target, dir)).rejects.toThrow(/NoSuchTable/)
      const status = await migrationStatus(database.target, dir)
      expect(status.failed).toEqual(['99990101000000_broken'])
    } finally {
      await database.drop()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
