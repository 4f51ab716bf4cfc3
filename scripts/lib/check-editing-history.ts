// The load test's verdict: compares every answer the simulated authors got with what the
// database holds afterwards. Returns the problems found (none: passed).
import type { SqlConnection } from '../../src/server/backup/sql-connection'
import type { Save } from './simulated-author'

type Row = { id: string; version: number; impact: string; status: string }
type RevisionRow = { version: number; impact: string | null; created: string }

export async function checkEditingHistory(
  connection: SqlConnection,
  saves: Save[],
  initial: Map<number, number>,
): Promise<string[]> {
  const problems: string[] = []
  const unexpected = saves.filter((s) => s.status !== 200 && s.status !== 409)
  if (unexpected.length)
    problems.push(
      `${unexpected.length} saves got neither 200 nor 409: ${[...new Set(unexpected.map((s) => s.status))].join(', ')}`,
    )
  for (const s of saves.filter((s) => s.status === 409))
    if (!(s.current !== undefined && s.current > s.baseVersion))
      problems.push(`a 409 on PM-${s.number} (base ${s.baseVersion}) did not carry a newer current version`)

  for (const [number, startVersion] of initial) {
    const accepted = saves.filter((s) => s.number === number && s.status === 200)
    const [row] = await connection.query<Row>(
      `SELECT id, version, impact, status::text FROM "Postmortem" WHERE number = $1`,
      [number],
    )
    if (!row) {
      problems.push(`PM-${number} is missing`)
      continue
    }
    // Every accepted save made exactly one version: base + 1, all distinct, no gap, nothing unseen.
    const versions = accepted.map((s) => s.version!).sort((a, b) => a - b)
    const expected = Array.from({ length: accepted.length }, (_, i) => startVersion + 1 + i)
    if (JSON.stringify(versions) !== JSON.stringify(expected))
      problems.push(
        `PM-${number}: accepted versions are not ${startVersion + 1}…${startVersion + accepted.length} without gaps or repeats`,
      )
    for (const s of accepted)
      if (s.version !== s.baseVersion + 1)
        problems.push(`PM-${number}: a save on ${s.baseVersion} became version ${s.version}`)
    const last = accepted.reduce<Save | undefined>(
      (a, s) => (!a || s.version! > a.version! ? s : a),
      undefined,
    )
    const finalVersion = last?.version ?? startVersion
    if (Number(row.version) !== finalVersion)
      problems.push(
        `PM-${number}: the database is at version ${row.version}, the last accepted save was ${finalVersion}`,
      )
    if (last && row.impact !== last.impact)
      problems.push(
        `PM-${number}: the database holds "${row.impact}", the last accepted save was "${last.impact}"`,
      )
    // Each author saw their own accepted versions increase.
    for (const author of new Set(accepted.map((s) => s.author))) {
      const own = accepted.filter((s) => s.author === author).map((s) => s.version!)
      if (own.some((v, i) => i > 0 && v <= own[i - 1]!))
        problems.push(`PM-${number}: author ${author} saw versions go back`)
    }

    if (row.status !== 'PUBLISHED') continue
    const revisions = await connection.query<RevisionRow>(
      `SELECT version, snapshot #>> '{document,impact}' AS impact, "createdAt"::text AS created
         FROM "Revision" WHERE "postmortemId" = $1 ORDER BY "createdAt", version`,
      [row.id],
    )
    const revVersions = revisions.map((r) => Number(r.version))
    if (revVersions.some((v, i) => i > 0 && v <= revVersions[i - 1]!))
      problems.push(`PM-${number}: revision versions are not unique and increasing: ${revVersions.join(',')}`)
    if (revVersions.at(-1) !== finalVersion)
      problems.push(
        `PM-${number}: the latest revision is version ${revVersions.at(-1)}, the postmortem is at ${finalVersion}`,
      )
    const byVersion = new Map(accepted.map((s) => [s.version!, s.impact]))
    for (const r of revisions)
      if (Number(r.version) > startVersion && byVersion.get(Number(r.version)) !== r.impact)
        problems.push(
          `PM-${number}: revision ${r.version}'s snapshot does not match the save accepted as version ${r.version}`,
        )
  }
  return problems
}
