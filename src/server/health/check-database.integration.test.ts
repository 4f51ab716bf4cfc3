import { describe, expect, it } from 'vitest'
import { db } from '../db'
import { checkDatabase } from './check-database'

describe('checkDatabase (real database)', () => {
  it('reports the database as up with its kind', async () => {
    // As on a running server, the pool is connected before a health check: on CI's busy cores
    // a file's first connection alone (Prisma's start, a new Postgres backend) outlasted the
    // check's 2 s bound, which is for a hung database, not a cold client.
    await db.$queryRaw`SELECT 1`
    const health = await checkDatabase()
    expect(health.up).toBe(true)
    expect(health.kind).toBe(process.env.DATABASE_URL ? 'postgres' : 'pglite')
  })
})
