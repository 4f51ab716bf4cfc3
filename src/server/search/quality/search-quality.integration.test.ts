// @every-database: search quality depends on each kind's text search.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { generateRetro, prng } from '../../../../scripts/lib/retro-generator'
import type { Actor } from '../../roles'
import { db } from '../../db'
import { importRetro } from '../../imports/import-retro'
import { previewRetro } from '../../imports/preview-retro'
import { searchPostmortems } from '../../postmortems/search-postmortems'
import { searchInput } from '../../postmortems/schemas'
import labelled from './queries.json'

const fixtures = path.join(import.meta.dirname, '..', '..', 'imports', 'fixtures')
const DISTRACTORS = 150
let actor: Actor

async function load(source: string) {
  const preview = previewRetro(source)
  if (!preview.ok) throw new Error(preview.error.message)
  const saved = await importRetro({ actor, retro: preview.data })
  if (!saved.ok) throw new Error(saved.error.code)
}

beforeAll(async () => {
  actor = await db.user.create({
    data: { id: 'q', name: 'Q', email: 'q@example.com', role: 'ADMIN' },
    select: { id: true, name: true, email: true, role: true },
  })
  const next = prng(99)
  for (let i = 1; i <= DISTRACTORS; i++) await load(generateRetro(next, i))
  for (const file of [
    'launch-retro-mobile-alliance-1.1.zh.md',
    'sre-style.en.md',
    'timeline-heavy.en.md',
    'free-form.en.md',
  ])
    await load(readFileSync(path.join(fixtures, file), 'utf8'))
})

// A regression set (see queries.json): typo correction and scopes keep finding what the base queries find.
// How good search is, is measured blind by corpus-search.integration.test.ts.
describe('search regressions on the hand-written fixtures (typos, scopes)', () => {
  it('keeps a relevant incident in the first five results for at least 90% of queries', async () => {
    const rows: { q: string; lang: string; scope?: string; rank: number | null }[] = []
    for (const query of labelled.queries) {
      const { q, lang, relevant } = query
      const scope = 'scope' in query ? query.scope : undefined
      const { results } = await searchPostmortems({
        actor,
        input: searchInput.parse({ q, scope, limit: 10 }),
      })
      const index = results.findIndex((r) => relevant.includes(r.title))
      rows.push({ q, lang, ...(scope ? { scope } : {}), rank: index >= 0 ? index + 1 : null })
    }
    const hitAt5 = rows.filter((r) => r.rank !== null && r.rank <= 5).length / rows.length
    const mrr = rows.reduce((sum, r) => sum + (r.rank ? 1 / r.rank : 0), 0) / rows.length
    const misses = rows.filter((r) => r.rank === null || r.rank > 5)
    const share = (keep: (r: (typeof rows)[number]) => boolean) => {
      const some = rows.filter(keep)
      return {
        queries: some.length,
        hitAt5: some.filter((r) => r.rank !== null && r.rank <= 5).length / some.length,
      }
    }
    console.log(
      JSON.stringify({
        queries: rows.length,
        distractors: DISTRACTORS,
        hitAt5: Math.round(hitAt5 * 1000) / 1000,
        mrr: Math.round(mrr * 1000) / 1000,
        typos: share((r) => r.lang === 'typo'),
        scoped: share((r) => !!r.scope),
        misses,
      }),
    )
    expect(rows.length).toBeGreaterThanOrEqual(60)
    expect(hitAt5).toBeGreaterThanOrEqual(0.9)
  })
})
