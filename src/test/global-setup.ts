import type { TestProject } from 'vitest/node'
import { createTestDatabase } from '../../scripts/lib/test-database'

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string }
  }
}

/** Migrates one template database for the run: a real Postgres with DATABASE_URL, else PGlite. */
export default async function setup(project: TestProject) {
  const template = await createTestDatabase('hindsight_test')
  project.provide('templateDatabase', template.target)
  return () => template.drop()
}
