import { describe, expect, it } from 'vitest'

describe('GET /api/health with the database unreachable', () => {
  it('answers 503 and says the database is down, quickly', async () => {
    // Nothing listens on port 9: the connection is refused, as when the server Postgres is stopped.
    process.env.DATABASE_URL = 'postgresql://postgres@127.0.0.1:9/hindsight'
    const { GET } = await import('./route')
    const response = await GET()
    expect(response.status).toBe(503)
    expect(await response.json()).toMatchObject({
      status: 'unavailable',
      database: { up: false, kind: 'postgres' },
    })
  })
})
