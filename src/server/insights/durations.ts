import 'server-only'
import { Prisma } from '@/generated/prisma/client'
import { durationBucketBounds } from './schemas'
import type { CountedSet } from './filtered-postmortems'

/*
 * Time to detect and time to resolve as distributions: durations of incidents are skewed (a
 * few take days), so a mean alone misleads; we give the count, median, 90th percentile and a
 * histogram, and count the incidents that lack one of the two times (or have them out of
 * order) instead of dropping them. Definitions: docs/decisions/020-insights.md.
 */

export type Distribution = {
  /** Incidents with both times, in order: what the figures below describe. */
  measured: number
  /** Incidents lacking one of the two times. */
  missing: number
  /** Incidents whose end is before their start (imported data can be so). */
  inconsistent: number
  /** Seconds; null when nothing was measured. */
  median: number | null
  p90: number | null
  min: number | null
  max: number | null
  /** Counts per bucket of durationBucketBounds (one more than the bounds: the last is open). */
  buckets: number[]
}

/** Time to detect: detectedAt − occurredAt. */
export const timeToDetect = (set: CountedSet) =>
  distribution(set, Prisma.sql`pm."detectedAt" - pm."occurredAt"`)

/** Time to resolve: resolvedAt − occurredAt (how long it lasted, from its start). */
export const timeToResolve = (set: CountedSet) =>
  distribution(set, Prisma.sql`pm."resolvedAt" - pm."occurredAt"`)

async function distribution({ client, pm }: CountedSet, interval: Prisma.Sql): Promise<Distribution> {
  // The bounds are constants of the code, not input: inlined, so both adapters see a plain array.
  const bounds = Prisma.raw(`ARRAY[${durationBucketBounds.join(',')}]::float8[]`)
  const durations = Prisma.sql`${pm}, d AS (SELECT EXTRACT(EPOCH FROM (${interval}))::float8 AS s FROM pm)`
  const [[stats], buckets] = await Promise.all([
    client.$queryRaw<Omit<Distribution, 'buckets'>[]>`${durations}
      SELECT count(*) FILTER (WHERE s >= 0)::int AS measured,
        count(*) FILTER (WHERE s IS NULL)::int AS missing,
        count(*) FILTER (WHERE s < 0)::int AS inconsistent,
        (percentile_cont(0.5) WITHIN GROUP (ORDER BY s) FILTER (WHERE s >= 0))::float8 AS median,
        (percentile_cont(0.9) WITHIN GROUP (ORDER BY s) FILTER (WHERE s >= 0))::float8 AS p90,
        (min(s) FILTER (WHERE s >= 0))::float8 AS min,
        (max(s) FILTER (WHERE s >= 0))::float8 AS max
      FROM d`,
    client.$queryRaw<{ bucket: number; count: number }[]>`${durations}
      SELECT width_bucket(s, ${bounds})::int AS bucket, count(*)::int AS count
      FROM d WHERE s >= 0 GROUP BY 1`,
  ])
  const counts = Array.from({ length: durationBucketBounds.length + 1 }, () => 0)
  for (const { bucket, count } of buckets) counts[bucket] = count
  return { ...stats!, buckets: counts }
}
