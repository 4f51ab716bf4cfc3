import 'server-only'
import type { ReadinessReport } from './launch-review'

/*
 * `npm run gate -- <launch> [--json]` for deploy pipelines: exit 0 when the launch is ready,
 * 1 when it is not, 2 when the answer cannot be had (unknown launch, bad token, no server).
 * With HINDSIGHT_URL (and HINDSIGHT_TOKEN) it asks the running app's readiness API; without,
 * it reads the local database through the same use case.
 */

export type GateOutcome = { exitCode: 0 | 1 | 2; output: string }

async function viaHttp(url: string, token: string | undefined, launch: string) {
  const response = await fetch(new URL(`/api/launches/${encodeURIComponent(launch)}/readiness`, url), {
    headers: token ? { authorization: `Bearer ${token}` } : {},
    redirect: 'manual',
    signal: AbortSignal.timeout(15_000),
  })
  const body = (await response.json().catch(() => null)) as
    ReadinessReport | { error?: { code?: string } } | null
  if (response.ok && body && 'ready' in body) return { ok: true as const, report: body }
  const code = (body && 'error' in body && body.error?.code) || `HTTP_${response.status}`
  return { ok: false as const, error: code }
}

async function viaDatabase(launch: string) {
  // Loaded only here: over HTTP the gate never opens a database.
  const [{ db }, { getReadinessReport }] = await Promise.all([import('../db'), import('./launch-review')])
  const reader = await db.user.findFirst({
    orderBy: { createdAt: 'asc' },
    select: { id: true, name: true, email: true },
  })
  if (!reader) return { ok: false as const, error: 'NO_ACCOUNT' }
  const result = await getReadinessReport({ actor: { ...reader, role: 'VIEWER' }, launch })
  return result.ok
    ? { ok: true as const, report: result.data }
    : { ok: false as const, error: result.error.code }
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
      ? JSON.stringify({ error: answer.error })
      : `Cannot tell whether ${launch} is ready: ${answer.error}`
    return { exitCode: 2, output }
  }
  return {
    exitCode: answer.report.ready ? 0 : 1,
    output: json ? JSON.stringify(answer.report, null, 2) : describe(answer.report),
  }
}
