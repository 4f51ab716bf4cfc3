/**
 * A fixed-window limiter kept in this process's memory. Hindsight runs as one server
 * process per database in the embedded setup; with several servers each keeps its own
 * count, which still bounds guessing per server.
 */
export function createRateLimiter({ max, windowMs }: { max: number; windowMs: number }) {
  const hits = new Map<string, { count: number; resetAt: number }>()

  function sweep(now: number) {
    if (hits.size < 10_000) return
    for (const [key, entry] of hits) if (entry.resetAt <= now) hits.delete(key)
  }

  return {
    /** Counts one attempt; returns the seconds to wait when over the limit, else 0. */
    hit(key: string, now = Date.now()): number {
      sweep(now)
      const entry = hits.get(key)
      if (!entry || entry.resetAt <= now) {
        hits.set(key, { count: 1, resetAt: now + windowMs })
        return 0
      }
      entry.count += 1
      return entry.count > max ? Math.ceil((entry.resetAt - now) / 1000) : 0
    },
    reset(key: string) {
      hits.delete(key)
    },
  }
}
