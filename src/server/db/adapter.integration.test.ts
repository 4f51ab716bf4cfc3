import { describe, expect, it } from 'vitest'
import { testPostgresUrl } from '../../../scripts/lib/test-database'
import { skipBecause } from '../../test/skip-because'
import { createAdapter } from './adapter'

describe('the server Postgres adapter', () => {
  it('opens connections without JIT, which cost a search 18–29 ms a statement at a million', async (context) => {
    const url = testPostgresUrl()
    if (!url) skipBecause(context, 'needs a server Postgres: set DATABASE_URL or TEST_POSTGRES_URL')
    const handle = createAdapter({ kind: 'postgres', url })
    try {
      const adapter = await handle.factory.connect()
      // Two at once: each takes a connection of its own from the pool, and each must be set.
      const shown = await Promise.all(
        [1, 2].map(() => adapter.queryRaw({ sql: 'SHOW jit', args: [], argTypes: [] })),
      )
      expect(shown.map((result) => result.rows[0]?.[0])).toEqual(['off', 'off'])
    } finally {
      await handle.close()
    }
  })
})
