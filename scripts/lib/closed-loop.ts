// A small closed-loop HTTP load generator: `clients` concurrent clients, each on its own
// keep-alive connection, send the next request as soon as the previous answer has been read,
// for `seconds`. An error is a non-2xx answer or a network error. `url` may be a function: each
// request asks it for its address.
import http from 'node:http'
import { percentile, round2 } from './stats'

export type LoadResult = { requests: number; rps: number; p50_ms: number; p95_ms: number; errors: number }

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

export async function closedLoop({
  url,
  headers,
  clients,
  seconds,
}: {
  url: string | (() => string)
  headers: Record<string, string>
  clients: number
  seconds: number
}): Promise<LoadResult & { statuses: Record<string, number> }> {
  const latencies: number[] = []
  const statuses: Record<string, number> = {}
  let errors = 0
  const started = performance.now()
  const deadline = started + seconds * 1000
  await Promise.all(
    Array.from({ length: clients }, async () => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
      try {
        while (performance.now() < deadline) {
          const t = performance.now()
          const status = await get(typeof url === 'string' ? url : url(), agent, headers)
          latencies.push(performance.now() - t)
          statuses[status] = (statuses[status] ?? 0) + 1
          if (status < 200 || status > 299) errors++
        }
      } finally {
        agent.destroy()
      }
    }),
  )
  const elapsed = (performance.now() - started) / 1000
  return {
    requests: latencies.length,
    rps: round2(latencies.length / elapsed),
    p50_ms: round2(percentile(latencies, 50)),
    p95_ms: round2(percentile(latencies, 95)),
    errors,
    statuses,
  }
}
