import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, inject } from 'vitest'

/*
 * Runs before each integration test file is imported: it copies the migrated template
 * into a database of the file's own, and points DATABASE_URL / HINDSIGHT_DATA_DIR at it,
 * so that `@/server/db` connects there and files never see each other's rows.
 */
const template = inject('templateDatabase')
const suffix = `${process.pid}_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`

if (template.kind === 'pglite') {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hindsight-test-file-'))
  cpSync(template.dataDir, dataDir, { recursive: true })
  delete process.env.DATABASE_URL
  process.env.HINDSIGHT_DATA_DIR = dataDir
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))
} else {
  const templateUrl = new URL(template.url)
  const templateName = templateUrl.pathname.slice(1)
  const name = `${templateName}_f${suffix}`.slice(0, 63)
  const maintenance = new URL(template.url)
  maintenance.pathname = '/postgres'
  const admin = new pg.Client({ connectionString: maintenance.toString() })
  await admin.connect()
  // Postgres copies a template for one CREATE DATABASE at a time; parallel files take turns.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${templateName}"`)
      break
    } catch (error) {
      if ((error as { code?: string }).code !== '55006' || attempt > 100) throw error
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 150))
    }
  }
  await admin.end()
  const url = new URL(template.url)
  url.pathname = `/${name}`
  process.env.DATABASE_URL = url.toString()
  afterAll(async () => {
    const { db } = await import('@/server/db')
    await db.$disconnect()
    const client = new pg.Client({ connectionString: maintenance.toString() })
    await client.connect()
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
    await client.end()
  })
}
