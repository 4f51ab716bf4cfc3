import type { ReadinessReport } from '../../src/server/checklists/launch-review'

/*
 * The command line's side of the deploy gate (the rule itself is getReadinessReport):
 * `npm run gate -- <launch> [--json]` for deploy pipelines, the launch named by slug, id or
 * name: exit 0 when the launch is ready, 1 when it is not, 2 when the answer cannot be had
 * (unknown launch, a name several launches share, bad token, no server). With HINDSIGHT_URL
 * (and HINDSIGHT_TOKEN) it asks the running app's readiness API; without, it reads the local
 * database through the same use case.
 */

export type GateOutcome = { exitCode: 0 | 1 | 2; output: string }

async function viaHttp(url: string, token: string | undefined, launch: string) {
  const response = await fetch(new URL(`/api/launches/${encodeURIComponent(launch)}/readiness`, url), {
    headers: token ? { authorization: `Bearer ${token}` } : {},
    redirect: 'manual',
    signal: AbortSignal.timeout(15_000),
  })
  const body = (await response.json().catch(() => null)) as
    ReadinessReport | { error?: { code?: string; message?: string } } | null
  if (response.ok && body && 'ready' in body) return { ok: true as const, report: body }
  const error = body && 'error' in body ? body.error : undefined
  return { ok: false as const, error: error?.code || `HTTP_${response.status}`, message: error?.message }
}

async function viaDatabase(launch: string) {
  // Loaded only here: over HTTP the gate never opens a database.
  const [{ db }, { getReadinessReport }] = await Promise.all([
    import('../../src/server/db'),
    import('../../src/server/checklists/launch-review'),
  ])
  // Counts and blocking checks do not depend on who reads them: the first account reads as
  // a viewer, or nobody on a database that has none yet (it has no launch either).
  const reader = await db.user.findFirst({
    orderBy: { createdAt: 'asc' },
    select: { id: true, name: true, email: true },
  })
  const actor = { ...(reader ?? { id: '', name: 'gate', email: '' }), role: 'VIEWER' as const }
  const result = await getReadinessReport({ actor, launch })
  return result.ok
    ? { ok: true as const, report: result.data }
    : { ok: false as const, error: result.error.code, message: result.error.message }
}

function describe(report: ReadinessReport): string {
  const { launch, ready, counts, blocking } = report
  const lines = [
    `${launch.name} (${launch.slug}): ${ready ? 'READY' : 'NOT READY'}`,
    `  pass ${counts.pass} · fail ${counts.fail} · na ${counts.na} · waived ${counts.waived} · pending ${counts.pending}`,
    ...blocking.map((b) => `  ✗ ${b.item} — ${b.owner ?? 'no owner'} — ${b.status}`),
  ]
  return lines.join('\n')
}

export async function runGate({
  launch,
  json,
  url,
  token,
}: {
  launch: string
  json: boolean
  url?: string
  token?: string
}): Promise<GateOutcome> {
  const answer = url ? await viaHttp(url, token, launch) : await viaDatabase(launch)
  if (!answer.ok) {
    const output = json
      ? JSON.stringify({ error: answer.error, message: answer.message })
      : `Cannot tell whether ${launch} is ready: ${answer.error}${answer.message ? ` — ${answer.message}` : ''}`
    return { exitCode: 2, output }
  }
  return {
    exitCode: answer.report.ready ? 0 : 1,
    output: json ? JSON.stringify(answer.report, null, 2) : describe(answer.report),
  }
}
