import type { TestProject } from 'vitest/node'
import { createTestDatabase, databasesStartingWith, dropDatabasesSync } from '../../scripts/lib/test-database'

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string }
  }
}

/**
 * Migrates one template database for the run: a real Postgres with DATABASE_URL, else PGlite.
 * At the end it is dropped, with every per-file copy (src/test/database-per-file.ts) that a
 * crashed worker could not drop itself.
 */
export default async function setup(project: TestProject) {
  const template = await createTestDatabase('hindsight_test')
  project.provide('templateDatabase', template.target)
  return async () => {
    if (template.target.kind === 'postgres') {
      const { url } = template.target
      const name = new URL(url).pathname.slice(1)
      dropDatabasesSync(url, await databasesStartingWith(url, `${name}_f`))
    }
    await template.drop()
  }
}
