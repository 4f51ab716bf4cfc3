import 'server-only'
import type { Tx } from '../db'

/** Arbitrary constant: serializes numbering so that two creations never take the same number. */
const NUMBER_LOCK_KEY = 7_240_512_003

/**
 * The next PM number, with no gaps. A Postgres sequence skips up to 32 values after an
 * unclean stop (it logs ahead), which readers would see as PM-1 → PM-34; taking max + 1
 * under a transaction-level lock does not.
 */
export async function nextPostmortemNumber(tx: Tx): Promise<number> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${NUMBER_LOCK_KEY})`
  const [row] = await tx.$queryRaw<
    { next: number }[]
  >`SELECT (COALESCE(MAX(number), 0) + 1)::int AS next FROM "Postmortem"`
  return row!.next
}
