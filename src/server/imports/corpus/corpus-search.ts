import 'server-only'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import type { Actor } from '../../roles'
import { db } from '../../db'
import { importRetro } from '../import-retro'
import { previewRetro } from '../preview-retro'
import { corpusDir } from './corpus'
import { searchPostmortems, type SearchResult } from '../../postmortems/search-postmortems'
import { searchInput } from '../../postmortems/schemas'

/*
 * Search quality over the development corpus of real retros (src/server/imports/corpus): every
 * document goes through the real import, every query of `queries/*.json` through the real search,
 * and each query is scored by the rank of the first result that is the postmortem it was written
 * for. Shared by corpus-search.integration.test.ts and `npm run search:quality`.
 */

/** How deep a query's results are read: MRR counts a first hit down to this rank. */
const DEPTH = 20

export const corpusQuery = z.object({
  q: z.string().min(1),
  file: z.string().min(1),
  incident: z.number().int().min(0),
  kind: z.string().min(1),
})
export type CorpusQuery = z.infer<typeof corpusQuery>

/** A query file is a list of queries (README.md), or `{ queries: [...] }`. */
const queryFile = z.union([z.array(corpusQuery), z.object({ queries: z.array(corpusQuery) })])

/** Every query of `queries/*.json`, in file order, each with the file it came from. */
export function loadCorpusQueries(dir = corpusDir): (CorpusQuery & { source: string })[] {
  const folder = path.join(dir, 'queries')
  if (!existsSync(folder)) return []
  return readdirSync(folder)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((f) => {
      const parsed = queryFile.parse(JSON.parse(readFileSync(path.join(folder, f), 'utf8')))
      return (Array.isArray(parsed) ? parsed : parsed.queries).map((q) => ({ ...q, source: f }))
    })
}

/** The retros of the corpus by name (file name without `.md`), with how many incidents a reader found. */
export function loadCorpusDocuments(
  dir = corpusDir,
): { name: string; source: string; expected: number | null }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .sort()
    .map((f) => {
      const name = f.replace(/\.md$/, '')
      const expectedPath = path.join(dir, `${name}.expected.json`)
      const expected = existsSync(expectedPath)
        ? (JSON.parse(readFileSync(expectedPath, 'utf8')) as { postmortems?: unknown[] }).postmortems
        : undefined
      return {
        name,
        source: readFileSync(path.join(dir, f), 'utf8'),
        expected: Array.isArray(expected) ? expected.length : null,
      }
    })
}

/** The admin the measurement imports and searches as (sees drafts: imports are drafts). */
export async function createQualityActor(email = 'search-quality@example.com'): Promise<Actor> {
  return db.user.create({
    data: { id: crypto.randomUUID(), name: 'Search quality', email, role: 'ADMIN' },
    select: { id: true, name: true, email: true, role: true },
  })
}

export type ImportedCorpus = {
  /** Postmortem number → the file it was imported from and its index within that import. */
  byNumber: Map<number, { file: string; index: number }>
  /** File → the numbers of its postmortems, in import order, and the count a reader expects. */
  byFile: Map<string, { numbers: number[]; expected: number | null }>
  /** Files the importer refused, with the reason. */
  failed: { file: string; reason: string }[]
}

/** Imports every corpus document through the real use case, as the CLI and the browser do. */
export async function importCorpus(actor: Actor, dir = corpusDir): Promise<ImportedCorpus> {
  const byNumber = new Map<number, { file: string; index: number }>()
  const byFile = new Map<string, { numbers: number[]; expected: number | null }>()
  const failed: { file: string; reason: string }[] = []
  for (const doc of loadCorpusDocuments(dir)) {
    const preview = previewRetro(doc.source)
    if (!preview.ok) {
      failed.push({ file: doc.name, reason: preview.error.message ?? preview.error.code })
      continue
    }
    const saved = await importRetro({ actor, retro: preview.data })
    if (!saved.ok) {
      failed.push({ file: doc.name, reason: saved.error.message ?? saved.error.code })
      continue
    }
    saved.data.numbers.forEach((number, index) => byNumber.set(number, { file: doc.name, index }))
    byFile.set(doc.name, { numbers: saved.data.numbers, expected: doc.expected })
  }
  return { byNumber, byFile, failed }
}

/**
 * The postmortems that answer a query: the `incident`-th of its file when the file imported to
 * as many postmortems as a reader found in it, else any postmortem of the file.
 */
export function targetsOf(
  query: Pick<CorpusQuery, 'file' | 'incident'>,
  corpus: ImportedCorpus,
): Set<number> {
  const imported = corpus.byFile.get(query.file)
  if (!imported) return new Set()
  if (imported.expected === imported.numbers.length) {
    const number = imported.numbers[query.incident]
    return new Set(number === undefined ? [] : [number])
  }
  return new Set(imported.numbers)
}

/** A result with no snippet, or none with a highlighted range, does not say why it matched. */
export const explainsItself = (result: SearchResult) =>
  result.snippets.some((s) => s.highlights.some(([a, b]) => b > a && b <= s.text.length))

export type QueryOutcome = {
  q: string
  file: string
  incident: number
  kind: string
  rank: number | null
  top: string[]
}
type Figures = { queries: number; hitAt3: number; mrr: number }
export type CorpusSearchReport = Figures & {
  documents: number
  postmortems: number
  failedImports: ImportedCorpus['failed']
  perKind: Record<string, Figures>
  /** Results (of any query) that carry no highlighted snippet. */
  withoutSnippet: { q: string; number: number; title: string }[]
  /** Queries whose postmortem is not in the first three. */
  misses: QueryOutcome[]
  /** Queries that name a file the corpus does not have. */
  unknownFiles: string[]
}

const round = (x: number) => Math.round(x * 1000) / 1000

function figures(outcomes: QueryOutcome[]): Figures {
  const n = outcomes.length
  if (!n) return { queries: 0, hitAt3: 0, mrr: 0 }
  return {
    queries: n,
    hitAt3: round(outcomes.filter((o) => o.rank !== null && o.rank <= 3).length / n),
    mrr: round(outcomes.reduce((sum, o) => sum + (o.rank ? 1 / o.rank : 0), 0) / n),
  }
}

/** Runs every query through the real search over an imported corpus and scores it. */
export async function measureCorpusSearch(
  actor: Actor,
  corpus: ImportedCorpus,
  queries: CorpusQuery[] = loadCorpusQueries(),
): Promise<CorpusSearchReport> {
  const outcomes: QueryOutcome[] = []
  const withoutSnippet: CorpusSearchReport['withoutSnippet'] = []
  for (const query of queries) {
    const { results } = await searchPostmortems({
      actor,
      input: searchInput.parse({ q: query.q, limit: DEPTH }),
    })
    const targets = targetsOf(query, corpus)
    const index = results.findIndex((r) => targets.has(r.number))
    for (const r of results)
      if (!explainsItself(r)) withoutSnippet.push({ q: query.q, number: r.number, title: r.title })
    outcomes.push({
      q: query.q,
      file: query.file,
      incident: query.incident,
      kind: query.kind,
      rank: index >= 0 ? index + 1 : null,
      top: results.slice(0, 3).map((r) => `${corpus.byNumber.get(r.number)?.file ?? '?'}: ${r.title}`),
    })
  }
  const kinds = [...new Set(outcomes.map((o) => o.kind))].sort()
  return {
    ...figures(outcomes),
    documents: corpus.byFile.size + corpus.failed.length,
    postmortems: corpus.byNumber.size,
    failedImports: corpus.failed,
    perKind: Object.fromEntries(kinds.map((k) => [k, figures(outcomes.filter((o) => o.kind === k))])),
    withoutSnippet,
    misses: outcomes.filter((o) => o.rank === null || o.rank > 3),
    unknownFiles: [
      ...new Set(
        queries
          .map((q) => q.file)
          .filter((f) => !corpus.byFile.has(f) && !corpus.failed.some((x) => x.file === f)),
      ),
    ],
  }
}
