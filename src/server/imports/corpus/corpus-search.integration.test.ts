// @every-database: search quality on the corpus depends on each kind's text search.
import { beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../roles'
import {
  importCorpus,
  loadCorpusQueries,
  measureCorpusSearch,
  createQualityActor,
  type CorpusSearchReport,
  type ImportedCorpus,
} from './corpus-search'

/*
 * The query set over the development corpus of real retros (src/server/imports/corpus): every
 * document imported as a person would, every query of queries/*.json searched as typed.
 * `npm run search:quality` prints the same figures.
 */

const queries = loadCorpusQueries()
let actor: Actor
let corpus: ImportedCorpus
let report: CorpusSearchReport

beforeAll(async () => {
  actor = await createQualityActor()
  corpus = await importCorpus(actor)
  report = await measureCorpusSearch(actor, corpus, queries)
  console.log(JSON.stringify(report))
}, 600_000)

describe('search over the development corpus of real retros', () => {
  it('imports every document, and every query names one of them', () => {
    expect(corpus.failed).toEqual([])
    expect(report.unknownFiles).toEqual([])
  })

  it('puts the right incident in the first three for ≥ 90 % of queries, with MRR ≥ 0.8', () => {
    expect(report.queries).toBeGreaterThan(0)
    expect(report.hitAt3, JSON.stringify(report.misses)).toBeGreaterThanOrEqual(0.9)
    expect(report.mrr).toBeGreaterThanOrEqual(0.8)
  })

  it('shows why every result of every query matched (a highlighted snippet)', () => {
    expect(report.withoutSnippet).toEqual([])
  })
})
