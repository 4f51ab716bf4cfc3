import { describe, expect, it } from 'vitest'
import { checkDatabase } from './check-database'

describe('checkDatabase (real database)', () => {
  it('reports the database as up with its kind', async () => {
    const health = await checkDatabase()
    expect(health.up).toBe(true)
    expect(health.kind).toBe(process.env.DATABASE_URL ? 'postgres' : 'pglite')
  })
})
