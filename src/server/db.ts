import 'server-only'
import { PrismaClient } from '@/generated/prisma/client'
import { createAdapter } from './db/adapter'
import { databaseTarget } from './env'

/*
 * The only Prisma client. The adapter follows DATABASE_URL: the server Postgres when it is
 * set, the embedded PGlite database otherwise.
 *
 * One client per process and database, kept on globalThis: Next bundles route handlers,
 * server components and actions as separate module graphs, and each would otherwise open
 * its own PGlite on the same folder — two embedded Postgres instances that do not see each
 * other's writes (and corrupt the folder). Dev hot reloads are covered by the same cache.
 */
function createClient() {
  // The embedded database has one connection: a transaction waits for those before it, and on
  // a busy machine 2 s (Prisma's default) is not always enough.
  return new PrismaClient({ adapter: createAdapter().factory, transactionOptions: { maxWait: 10_000 } })
}

type Client = ReturnType<typeof createClient>
const target = databaseTarget()
const key = target.kind === 'postgres' ? target.url : target.dataDir
const clients = ((globalThis as { hindsightDb?: Map<string, Client> }).hindsightDb ??= new Map())

export const db: Client = clients.get(key) ?? clients.set(key, createClient()).get(key)!

export type Db = typeof db
/** The client or an interactive transaction: use cases take it as their first argument. */
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0]
