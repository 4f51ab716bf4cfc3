import 'server-only'
import { PrismaClient } from '@/generated/prisma/client'
import { createAdapter } from './db/adapter'

/*
 * The only Prisma client. The adapter follows DATABASE_URL: the server Postgres when it is
 * set, the embedded PGlite database otherwise. In development it is kept on globalThis so
 * that hot reloads do not open the embedded database twice.
 */
function createClient() {
  return new PrismaClient({ adapter: createAdapter().factory })
}

const globalForDb = globalThis as unknown as { hindsightDb?: ReturnType<typeof createClient> }

export const db = globalForDb.hindsightDb ?? createClient()
if (process.env.NODE_ENV === 'development') globalForDb.hindsightDb = db

export type Db = typeof db
/** The client or an interactive transaction: use cases take it as their first argument. */
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0]
