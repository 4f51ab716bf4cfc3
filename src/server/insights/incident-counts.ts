import 'server-only'
import type { RootCauseCategory, Severity } from '../postmortems/schemas'
import type { CountedSet } from './filtered-postmortems'

/** Months of the chart at most: a period longer than that shows its last ten years. */
const MAX_MONTHS = 120

export type MonthCount = { month: string; total: number; bySeverity: Record<Severity | 'NONE', number> }

const emptySeverities = (): MonthCount['bySeverity'] => ({ SEV1: 0, SEV2: 0, SEV3: 0, SEV4: 0, NONE: 0 })

/** "2026-03" → "2026-04". */
function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
}

/** Incidents per month of their incident date, by severity; months without one are there with 0. */
export async function incidentsByMonth({ client, pm }: CountedSet): Promise<MonthCount[]> {
  const rows = await client.$queryRaw<{ month: string; severity: string | null; count: number }[]>`${pm}
    SELECT to_char(date_trunc('month', at), 'YYYY-MM') AS month, severity, count(*)::int AS count
    FROM pm GROUP BY 1, 2 ORDER BY 1`
  if (!rows.length) return []
  const byMonth = new Map<string, MonthCount>()
  const first = rows[0]!.month
  const last = rows.at(-1)!.month
  // A hundred years at most: a typo'd year cannot make the loop run away.
  for (let m = first, i = 0; i < 1_200; m = nextMonth(m), i++) {
    byMonth.set(m, { month: m, total: 0, bySeverity: emptySeverities() })
    if (m === last) break
  }
  for (const row of rows) {
    const entry = byMonth.get(row.month)!
    entry.total += row.count
    entry.bySeverity[(row.severity ?? 'NONE') as Severity | 'NONE'] += row.count
  }
  return [...byMonth.values()].slice(-MAX_MONTHS)
}

/**
 * Incidents per service (an incident on two services counts for each), most first, and how many
 * name no service.
 */
export async function incidentsByService({ client, pm }: CountedSet) {
  const [services, [without]] = await Promise.all([
    client.$queryRaw<{ name: string; count: number }[]>`${pm}
      SELECT s.name, count(*)::int AS count
      FROM pm JOIN "PostmortemService" ps ON ps."postmortemId" = pm.id
      JOIN "Service" s ON s.id = ps."serviceId"
      GROUP BY s.name ORDER BY count DESC, s.name LIMIT 100`,
    client.$queryRaw<{ count: number }[]>`${pm}
      SELECT count(*)::int AS count FROM pm
      WHERE NOT EXISTS (SELECT 1 FROM "PostmortemService" ps WHERE ps."postmortemId" = pm.id)`,
  ])
  return { services, withoutService: without?.count ?? 0 }
}

/**
 * Incidents per contributing factor (an incident with two factors counts for each), most first,
 * and how many name none. Archived factors count too: past incidents keep theirs.
 */
export async function incidentsByFactor({ client, pm }: CountedSet) {
  const [factors, [without]] = await Promise.all([
    client.$queryRaw<{ id: string; name: string; count: number }[]>`${pm}
      SELECT f.id, f.name, count(*)::int AS count
      FROM pm JOIN "PostmortemFactor" pf ON pf."postmortemId" = pm.id
      JOIN "ContributingFactor" f ON f.id = pf."factorId"
      GROUP BY f.id, f.name ORDER BY count DESC, f.name LIMIT 100`,
    client.$queryRaw<{ count: number }[]>`${pm}
      SELECT count(*)::int AS count FROM pm
      WHERE NOT EXISTS (SELECT 1 FROM "PostmortemFactor" pf WHERE pf."postmortemId" = pm.id)`,
  ])
  return { factors, withoutFactor: without?.count ?? 0 }
}

/** Incidents per root-cause category, most first; `null` is "no category given". */
export async function incidentsByCategory({ client, pm }: CountedSet) {
  return client.$queryRaw<{ category: RootCauseCategory | null; count: number }[]>`${pm}
    SELECT category, count(*)::int AS count FROM pm
    GROUP BY category ORDER BY count DESC, category NULLS LAST`
}
