import 'server-only'
import { db } from '../db'
import { databaseTarget } from '../env'

export type DatabaseHealth = { up: boolean; kind: 'postgres' | 'pglite'; latencyMs: number }

const TIMEOUT_MS = 2_000

/** One round trip to the database, bounded so that a hung connection still answers quickly. */
export async function checkDatabase(): Promise<DatabaseHealth> {
  const kind = databaseTarget().kind
  const started = performance.now()
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), TIMEOUT_MS)
  })
  try {
    await Promise.race([db.$queryRaw`SELECT 1`, timeout])
    return { up: true, kind, latencyMs: Math.round(performance.now() - started) }
  } catch {
    return { up: false, kind, latencyMs: Math.round(performance.now() - started) }
  } finally {
    clearTimeout(timer)
  }
}
