import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { parseRetro } from '../parse-retro'
import { scoreRetro, summarize, type Expected, type FieldScore } from './score'

export const corpusDir = import.meta.dirname

export type CorpusDocument = { name: string; source: string; expected: Expected }

/** The retros of the corpus, by name. */
export const corpusFiles = (dir = corpusDir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .sort()
    .map((f) => f.replace(/\.md$/, ''))

/** Every retro of the development corpus that has what a reader extracts from it written beside it. */
export function loadCorpus(dir = corpusDir): CorpusDocument[] {
  return corpusFiles(dir)
    .filter((name) => existsSync(path.join(dir, `${name}.expected.json`)))
    .map((name) => {
      return {
        name,
        source: readFileSync(path.join(dir, `${name}.md`), 'utf8'),
        expected: JSON.parse(readFileSync(path.join(dir, `${name}.expected.json`), 'utf8')) as Expected,
      }
    })
}

/** Imports every document (as the CLI and the browser preview do) and scores it field by field. */
export function scoreCorpus(documents = loadCorpus()) {
  const perDocument = documents.map((doc) => {
    const scores = scoreRetro(doc.expected, parseRetro(doc.source))
    return { name: doc.name, language: doc.expected.language, scores, ...summarize(scores) }
  })
  const all: FieldScore[] = perDocument.flatMap((d) => d.scores)
  return { documents: perDocument, ...summarize(all) }
}
