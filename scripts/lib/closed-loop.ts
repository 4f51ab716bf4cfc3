// A small closed-loop HTTP load generator: `clients` concurrent clients, each on its own
// keep-alive connection, send the next request as soon as the previous answer has been read,
// for `seconds`. An error is a non-2xx answer or a network error. `url` may be a function: each
// request asks it for its address.
import http from 'node:http'
import { percentile, round2 } from './stats'

export type LoadResult = { requests: number; rps: number; p50_ms: number; p95_ms: number; errors: number }

type Target = { url: string | (() => string); headers: Record<string, string> }

/** What a stretch of load gave: every answer's latency, and those answered before the deadline. */
type Stretch = {
  latencies: number[]
  inTime: number
  seconds: number
  errors: number
  statuses: Record<string, number>
}

function get(url: string, agent: http.Agent, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const request = http.get(url, { agent, headers }, (response) => {
      response.on('data', () => {})
      response.on('end', () => resolve(response.statusCode ?? 0))
      response.on('error', () => resolve(0))
    })
    request.on('error', () => resolve(0))
  })
}

async function load({ url, headers }: Target, clients: number, seconds: number): Promise<Stretch> {
  const stretch: Stretch = { latencies: [], inTime: 0, seconds, errors: 0, statuses: {} }
  const deadline = performance.now() + seconds * 1000
  await Promise.all(
    Array.from({ length: clients }, async () => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
      try {
        while (performance.now() < deadline) {
          const t = performance.now()
          const status = await get(typeof url === 'string' ? url : url(), agent, headers)
          const done = performance.now()
          stretch.latencies.push(done - t)
          if (done <= deadline) stretch.inTime++
          stretch.statuses[status] = (stretch.statuses[status] ?? 0) + 1
          if (status < 200 || status > 299) stretch.errors++
        }
      } finally {
        agent.destroy()
      }
    }),
  )
  return stretch
}

/**
 * Throughput counts the answers that came before the deadline, over the stretch's length: the
 * last answers, which come after it with fewer clients still asking, would count a slow page's
 * longer tail against it.
 */
function summary(stretches: Stretch[]): LoadResult & { statuses: Record<string, number> } {
  const latencies = stretches.flatMap((s) => s.latencies)
  const statuses: Record<string, number> = {}
  for (const s of stretches)
    for (const [status, count] of Object.entries(s.statuses))
      statuses[status] = (statuses[status] ?? 0) + count
  const seconds = stretches.reduce((sum, s) => sum + s.seconds, 0)
  return {
    requests: latencies.length,
    rps: round2(stretches.reduce((sum, s) => sum + s.inTime, 0) / seconds),
    p50_ms: round2(percentile(latencies, 50)),
    p95_ms: round2(percentile(latencies, 95)),
    errors: stretches.reduce((sum, s) => sum + s.errors, 0),
    statuses,
  }
}

export async function closedLoop({
  url,
  headers,
  clients,
  seconds,
}: Target & { clients: number; seconds: number }): Promise<
  LoadResult & { statuses: Record<string, number> }
> {
  return summary([await load({ url, headers }, clients, seconds)])
}

/**
 * Two targets under the same load, taking turns in stretches of `slice` seconds until each had
 * `seconds`: on a shared machine whose speed drifts by a third from one minute to the next, a
 * comparison of two answers measured minutes apart moves with the drift; taking turns every
 * second or so puts both under the same drift.
 */
export async function closedLoopInTurns(
  a: Target,
  b: Target,
  { clients, seconds, slice }: { clients: number; seconds: number; slice: number },
): Promise<
  [LoadResult & { statuses: Record<string, number> }, LoadResult & { statuses: Record<string, number> }]
> {
  const first: Stretch[] = []
  const second: Stretch[] = []
  for (let done = 0; done < seconds; done += slice) {
    const stretch = Math.min(slice, seconds - done)
    first.push(await load(a, clients, stretch))
    second.push(await load(b, clients, stretch))
  }
  return [summary(first), summary(second)]
}
