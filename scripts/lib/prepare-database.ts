// Command-line tools work on a fresh checkout, before `npm start` has ever run.
import { migrate } from '../../src/server/db/migrations'
import { databaseTarget } from '../../src/server/env'

/**
 * Migrates the embedded database (this checkout's own, as `npm start` would) before a tool
 * opens it. A server Postgres is left to `npm start` / `npm run db:migrate` unless `server`
 * is set (setup commands): a deploy pipeline's checkout may be newer than the app serving it.
 * Call it before the first query: the tool's own client opens the database lazily.
 */
export async function prepareDatabase({ server = false }: { server?: boolean } = {}) {
  const target = databaseTarget()
  if (target.kind === 'pglite' || server) await migrate(target)
}
