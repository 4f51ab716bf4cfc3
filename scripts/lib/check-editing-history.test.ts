import { describe, expect, it } from 'vitest'
import type { SqlConnection } from '../../src/server/backup/sql-connection'
import { checkEditingHistory } from './check-editing-history'
import type { Save } from './simulated-author'

/** A database holding PM-1 (published) at `version` with `impact`, and these revisions. */
function database(version: number, impact: string, revisions: { version: number; impact: string }[]) {
  return {
    kind: 'pglite',
    close: async () => {},
    query: async (sql: string) =>
      (sql.includes('FROM "Postmortem"')
        ? [{ id: 'pm1', version, impact, status: 'PUBLISHED' }]
        : revisions.map((r, i) => ({ ...r, created: String(i) }))) as never[],
  } satisfies SqlConnection
}

const save = (
  author: number,
  baseVersion: number,
  status: number,
  impact: string,
  extra: Partial<Save> = {},
) =>
  ({
    author,
    number: 1,
    baseVersion,
    status,
    impact,
    ms: 1,
    ...(status === 200 ? { version: baseVersion + 1 } : {}),
    ...extra,
  }) satisfies Save

const initial = new Map([[1, 2]])
const saves = [save(0, 2, 200, 'a'), save(1, 2, 409, 'b', { current: 3 }), save(1, 3, 200, 'c')]

describe('the load test verdict', () => {
  it('passes a history where every accepted save is in the database and every refusal was a 409', async () => {
    const db = database(4, 'c', [
      { version: 2, impact: '' },
      { version: 4, impact: 'c' },
    ])
    expect(await checkEditingHistory(db, saves, initial)).toEqual([])
  })

  it('finds a lost save, a version given twice, a 500, a 409 without the current version and a stale revision', async () => {
    const lost = await checkEditingHistory(database(4, 'a', [{ version: 4, impact: 'c' }]), saves, initial)
    expect(lost.join('\n')).toMatch(/holds "a", the last accepted save was "c"/)

    const twice = [save(0, 2, 200, 'a'), save(1, 2, 200, 'b')]
    expect(
      (await checkEditingHistory(database(3, 'b', [{ version: 3, impact: 'b' }]), twice, initial)).join('\n'),
    ).toMatch(/without gaps or repeats/)

    const errors = [...saves, save(2, 4, 500, 'x'), save(3, 2, 409, 'y')]
    const found = (
      await checkEditingHistory(database(4, 'c', [{ version: 4, impact: 'c' }]), errors, initial)
    ).join('\n')
    expect(found).toMatch(/neither 200 nor 409: 500/)
    expect(found).toMatch(/did not carry a newer current version/)

    const stale = await checkEditingHistory(database(4, 'c', [{ version: 3, impact: 'a' }]), saves, initial)
    expect(stale.join('\n')).toMatch(/latest revision is version 3/)
    const wrong = await checkEditingHistory(database(4, 'c', [{ version: 4, impact: 'a' }]), saves, initial)
    expect(wrong.join('\n')).toMatch(/snapshot does not match/)
  })
})
