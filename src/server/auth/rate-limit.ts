import 'server-only'
import { db } from '../db'

/**
 * A fixed-window limiter counted in the database, so that every server process
 * (WEB_CONCURRENCY workers, several instances behind a balancer) shares one count per key.
 * One statement per attempt: the upsert starts a new window when the old one has ended.
 */
export function createRateLimiter({ name, max, windowMs }: { name: string; max: number; windowMs: number }) {
  const id = (key: string) => `${name}:${key}`
  /** Counts one attempt; resolves to the window's count so far and when it ends. */
  async function add(key: string, now: Date): Promise<{ count: number; resetAt: Date }> {
    const [row] = await db.$queryRaw<{ count: number; resetAt: Date }[]>`
        INSERT INTO "RateLimit" (key, count, "resetAt")
        VALUES (${id(key)}, 1, ${new Date(now.getTime() + windowMs)})
        ON CONFLICT (key) DO UPDATE SET
          count = CASE WHEN "RateLimit"."resetAt" <= ${now} THEN 1 ELSE "RateLimit".count + 1 END,
          "resetAt" = CASE WHEN "RateLimit"."resetAt" <= ${now} THEN EXCLUDED."resetAt" ELSE "RateLimit"."resetAt" END
        RETURNING count, "resetAt"`
    // Now and then, forget windows that ended a day ago.
    if (Math.random() < 0.01)
      await db.rateLimit.deleteMany({ where: { resetAt: { lt: new Date(now.getTime() - 86_400_000) } } })
    return row ?? { count: 1, resetAt: new Date(now.getTime() + windowMs) }
  }
  return {
    add,
    /** Counts one attempt; resolves to the seconds to wait when over the limit, else 0. */
    async hit(key: string, now = new Date()): Promise<number> {
      const row = await add(key, now)
      if (row.count <= max) return 0
      return Math.max(1, Math.ceil((row.resetAt.getTime() - now.getTime()) / 1000))
    },
    /** Takes one attempt back (it turned out not to count), never below zero. */
    async refund(key: string): Promise<void> {
      await db.$executeRaw`UPDATE "RateLimit" SET count = count - 1 WHERE key = ${id(key)} AND count > 0`
    },
    async reset(key: string): Promise<void> {
      await db.rateLimit.deleteMany({ where: { key: id(key) } })
    },
  }
}
