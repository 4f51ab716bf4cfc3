import 'server-only'
import { Prisma } from '@/generated/prisma/client'
import { db, type Tx } from '../db'
import { hasRole, type Actor } from '../roles'
import { incidentDateSql } from '../incident-date'
import { postmortemStatuses, publicStatuses, type PostmortemStatus } from '../postmortems/postmortem-status'
import type { InsightScope, InsightsInput } from './schemas'

/**
 * The statuses that count: published only by default (the reviewed record, the same figures for
 * every reader); `all` adds drafts and those in review for editors. Viewers never see those, so
 * for them `all` is `published`.
 */
export function countedStatuses(actor: Actor, scope: InsightScope): readonly PostmortemStatus[] {
  return scope === 'all' && hasRole(actor, 'EDITOR') ? postmortemStatuses : publicStatuses
}

/**
 * `WITH pm AS (…)`: the postmortems the figures are computed over, one row each with its
 * incident date (`at`). Every insights query starts with it, so every figure counts the same set.
 */
export function filteredPostmortems(actor: Actor, input: InsightsInput): Prisma.Sql {
  const statuses = countedStatuses(actor, input.scope)
  const at = incidentDateSql('p')
  const text = (v: string | undefined) => v ?? null
  return Prisma.sql`WITH pm AS MATERIALIZED (
    SELECT p.id, p.number, p.title, p.language, p.severity::text AS severity,
      p."rootCauseCategory"::text AS category, p."launchId", p."occurredAt", p."detectedAt",
      p."resolvedAt", p."createdAt", ${at} AS at
    FROM "Postmortem" p
    WHERE p.status::text IN (${Prisma.join([...statuses])})
      AND (${text(input.severity)}::text IS NULL OR p.severity::text = ${text(input.severity)}::text)
      AND (${text(input.launch)}::text IS NULL OR p."launchId" = (
        SELECT l.id FROM "Launch" l WHERE l.slug = ${text(input.launch)}::text))
      AND (${text(input.from)}::date IS NULL OR ${at} >= ${text(input.from)}::date)
      AND (${text(input.to)}::date IS NULL OR ${at} < ${text(input.to)}::date + 1)
      AND (${text(input.tag)}::text IS NULL OR EXISTS (
        SELECT 1 FROM "PostmortemTag" pt JOIN "Tag" t ON t.id = pt."tagId"
        WHERE pt."postmortemId" = p.id AND t.name = ${text(input.tag)}::text))
      AND (${text(input.service)}::text IS NULL OR EXISTS (
        SELECT 1 FROM "PostmortemService" ps JOIN "Service" s ON s.id = ps."serviceId"
        WHERE ps."postmortemId" = p.id AND s.name = ${text(input.service)}::text))
      AND (${text(input.factor)}::text IS NULL OR EXISTS (
        SELECT 1 FROM "PostmortemFactor" pf
        WHERE pf."postmortemId" = p.id AND pf."factorId" = ${text(input.factor)}::text))
  )`
}

/** What every figure query runs on: one transaction, where `pm` is the counted set. */
export type CountedSet = { client: Tx; pm: Prisma.Sql }

/**
 * Runs the figures of one page over the counted set, materialized once (a temporary table,
 * analysed, dropped at commit) rather than once per figure: at 10,000 postmortems a dozen
 * re-reads of the postmortems cost more than the figures themselves.
 */
export async function withCountedSet<T>(
  actor: Actor,
  input: InsightsInput,
  run: (set: CountedSet) => Promise<T>,
): Promise<T> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`CREATE TEMPORARY TABLE counted ON COMMIT DROP AS ${filteredPostmortems(actor, input)} SELECT * FROM pm`
      await tx.$executeRaw`ANALYZE counted`
      // Read in place by every figure (not a CTE of its own, which Postgres materializes when a
      // statement reads it twice): the planner then knows the table's size from its ANALYZE.
      // Materialized, the repeats hashed their 37,000 pairs instead of the 9,000 postmortems
      // (decision 068).
      return run({ client: tx, pm: Prisma.sql`WITH pm AS NOT MATERIALIZED (SELECT * FROM counted)` })
    },
    { timeout: 60_000, maxWait: 10_000 },
  )
}
