import 'server-only'
import { Prisma } from '@/generated/prisma/client'
import { db } from '../db'
import type { RarityCache } from '../search/rank-concepts'
import { similarMatches } from './find-similar'
import { incidentDateSql } from '../incident-date'

/*
 * Repeat incidents (docs/decisions/029-repeat-incidents.md): a published incident repeats an
 * earlier published one when they share a service and the similar-incident rule (find-similar.ts)
 * holds between their root causes (with the confirmed hypotheses). The pairs are derived data, stored in
 * PostmortemRepeat: writing a postmortem's search documents clears its `repeatsCheckedAt`
 * (index-postmortem.ts), and refreshPendingRepeats compares every published postmortem whose
 * mark is clear, in the background after a publication, at start-up, and whenever the insights
 * page finds some waiting. Comparing one postmortem replaces every pair it is part of.
 */

/** A root cause matches an earlier one that holds at least this share of its keywords' weight. */
const ROOT_CAUSE_COVERAGE = 0.5
/** The best matches kept per comparison. */
const MAX_MATCHES = 10
const BATCH = 50

type Pending = {
  id: string
  number: number
  updatedAt: Date
  at: Date
  text: string
  serviceIds: string[]
}

/** A postmortem waiting to be compared: published, and not compared since its words last changed. */
const waiting = Prisma.sql`p.status = 'PUBLISHED' AND p."repeatsCheckedAt" IS NULL`

const pendingSql = (limit: number) => Prisma.sql`
  SELECT p.id, p.number, p."updatedAt", ${incidentDateSql('p')} AS at,
    concat_ws(E'\n', p."rootCause", (SELECT string_agg(h.statement, E'\n' ORDER BY h.position)
      FROM "Hypothesis" h WHERE h."postmortemId" = p.id AND h.status = 'CONFIRMED')) AS text,
    ARRAY(SELECT ps."serviceId" FROM "PostmortemService" ps WHERE ps."postmortemId" = p.id) AS "serviceIds"
  FROM "Postmortem" p
  WHERE ${waiting}
  ORDER BY ${incidentDateSql('p')}, p.number
  LIMIT ${limit}`

/** The pairs one postmortem is part of now: each as (later, earlier) by incident date, then number. */
async function comparePostmortem(p: Pending, cache: RarityCache) {
  if (!p.serviceIds.length) return []
  const matches = await similarMatches({
    text: p.text,
    exclude: p.number,
    where: Prisma.sql`p.status = 'PUBLISHED' AND EXISTS (SELECT 1 FROM "PostmortemService" ps
      WHERE ps."postmortemId" = p.id AND ps."serviceId" = ANY(${p.serviceIds}::text[]))`,
    limit: MAX_MATCHES,
    within: 'rootCauseVector',
    minCoverage: ROOT_CAUSE_COVERAGE,
    cache,
  })
  if (!matches.length) return []
  const others = await db.$queryRaw<{ id: string; number: number; at: Date }[]>`
    SELECT p.id, p.number, ${incidentDateSql('p')} AS at FROM "Postmortem" p
    WHERE p.id = ANY(${matches.map((m) => m.id)}::text[])`
  return matches.flatMap((m) => {
    const other = others.find((o) => o.id === m.id)
    if (!other) return []
    const later = p.at.getTime() - other.at.getTime() || p.number - other.number
    return [
      {
        postmortemId: later > 0 ? p.id : other.id,
        earlierId: later > 0 ? other.id : p.id,
        coverage: m.coverage,
        shared: m.shared.map((c) => c.text),
      },
    ]
  })
}

/** Compares one postmortem and stores its pairs, unless it changed meanwhile (it is then compared again). */
async function refreshOne(p: Pending, cache: RarityCache): Promise<boolean> {
  const pairs = await comparePostmortem(p, cache)
  return db.$transaction(async (tx) => {
    const marked = await tx.$executeRaw`
      UPDATE "Postmortem" p SET "repeatsCheckedAt" = now()
      WHERE p.id = ${p.id} AND p."updatedAt" = ${p.updatedAt} AND ${waiting}`
    if (!marked) return false
    await tx.$executeRaw`DELETE FROM "PostmortemRepeat" WHERE "postmortemId" = ${p.id} OR "earlierId" = ${p.id}`
    if (pairs.length)
      await tx.$executeRaw`
        INSERT INTO "PostmortemRepeat" ("postmortemId", "earlierId", coverage, shared)
        SELECT x."postmortemId", x."earlierId", x.coverage, x.shared
        FROM jsonb_to_recordset(${JSON.stringify(pairs)}::jsonb)
          AS x("postmortemId" text, "earlierId" text, coverage float8, shared text[])
        ON CONFLICT ("postmortemId", "earlierId") DO UPDATE SET coverage = EXCLUDED.coverage, shared = EXCLUDED.shared`
    return true
  })
}

const key = Symbol.for('hindsight.repeatsRefresh')
const holder = globalThis as { [key]?: Promise<number> }

/**
 * Compares every published postmortem waiting for it, oldest incident first, `concurrency` at a
 * time; one run at a time per process (a second call joins the running one). Resolves to how
 * many it compared.
 */
export function refreshPendingRepeats({ concurrency = 1 }: { concurrency?: number } = {}): Promise<number> {
  holder[key] ??= (async () => {
    let done = 0
    const cache: RarityCache = new Map()
    for (;;) {
      const batch = await db.$queryRaw<Pending[]>(pendingSql(BATCH))
      let compared = 0
      for (let i = 0; i < batch.length; i += concurrency)
        for (const ok of await Promise.all(batch.slice(i, i + concurrency).map((p) => refreshOne(p, cache))))
          if (ok) compared++
      done += compared
      // None compared: each changed while it was compared; the next run takes them again.
      if (!compared) return done
    }
  })().finally(() => {
    delete holder[key]
  })
  return holder[key]
}

const started = Symbol.for('hindsight.repeatsWorker')
const flags = globalThis as { [started]?: boolean }

function refreshInBackground() {
  refreshPendingRepeats().catch((error: unknown) => {
    console.error('Comparing repeat incidents failed:', error)
  })
}

/**
 * In a server process (instrumentation.ts): compares what is waiting now, and from then on after
 * every kick. Elsewhere (tests, CLIs) kicks do nothing: they call refreshPendingRepeats.
 */
export function startRepeatsWorker() {
  flags[started] = true
  refreshInBackground()
}

/** After a publication: compare in the background, not in the request. */
export function kickRepeats() {
  if (flags[started]) refreshInBackground()
}

/** Published postmortems among `ids` still waiting to be compared. */
export async function pendingRepeats(
  client: Pick<typeof db, '$queryRaw'>,
  idsSql: Prisma.Sql,
): Promise<number> {
  const [row] = await client.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM "Postmortem" p
    WHERE ${waiting} AND p.id IN (${idsSql})`
  return row?.n ?? 0
}
