import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closedLoopInTurns } from './closed-loop'

/** A server that answers /ok 200 and anything else 500, and remembers the order it was asked in. */
let server: Server
let base = ''
const asked: string[] = []

beforeAll(async () => {
  server = createServer((request, response) => {
    asked.push(request.url ?? '')
    response.statusCode = request.url === '/ok' ? 200 : 500
    response.end('answer')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

describe('two targets measured in turns (bench:http)', () => {
  it('gives each target its turns, one after the other, and counts the errors of each', async () => {
    const [ok, failing] = await closedLoopInTurns(
      { url: `${base}/ok`, headers: {} },
      { url: () => `${base}/fails`, headers: {} },
      { clients: 2, seconds: 0.5, slice: 0.25 },
    )
    // Runs of the same address in the order the server was asked: two turns each, alternating.
    const turns = asked.filter((url, i) => url !== asked[i - 1])
    expect(turns).toEqual(['/ok', '/fails', '/ok', '/fails'])
    expect(ok).toMatchObject({ errors: 0, statuses: { 200: ok.requests } })
    expect(failing).toMatchObject({ errors: failing.requests, statuses: { 500: failing.requests } })
    expect(ok.requests).toBeGreaterThan(0)
    expect(failing.requests).toBeGreaterThan(0)
  })
})
