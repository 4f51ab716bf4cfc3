import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { normalize } from './score'
import { parseRetro } from '../parse-retro'
import { corpusDir, corpusFiles, loadCorpus, scoreCorpus } from './corpus'

const documents = loadCorpus()
const heldOut = loadCorpus(path.join(corpusDir, 'held-out'))

describe('the development corpus (real retros by other teams)', () => {
  it('has at least 30 documents, 12 of them in Chinese, each with its source', () => {
    expect(documents.map((d) => d.name)).toEqual(corpusFiles())
    expect(documents.length).toBeGreaterThanOrEqual(30)
    expect(documents.filter((d) => d.expected.language === 'zh').length).toBeGreaterThanOrEqual(12)
    for (const doc of documents) {
      expect(doc.source.split('\n')[0], doc.name).toMatch(/^<!-- source: https:\/\/\S+ -->/)
      expect(doc.expected.postmortems.length, doc.name).toBeGreaterThan(0)
    }
  })

  it('annotations quote the documents (every phrase is found in its retro), held-out ones too', () => {
    const missing: string[] = []
    for (const { name, source, expected } of [...documents, ...heldOut]) {
      const text = normalize(source)
      for (const pm of expected.postmortems) {
        const phrases = [
          pm.title,
          ...pm.symptom,
          ...pm.rootCause,
          ...pm.resolution,
          ...pm.hypotheses.map((h) => h.statement),
          ...pm.lessons,
          ...pm.actionItems.map((a) => a.title),
        ]
        for (const phrase of phrases)
          if (!text.includes(normalize(phrase))) missing.push(`${name}: ${phrase}`)
      }
    }
    expect(missing).toEqual([])
  })

  it('derives symptoms whose quoted logs keep their Markdown: no code fence in the middle of a line', () => {
    const broken: string[] = []
    for (const { name, source } of [...documents, ...heldOut])
      for (const pm of parseRetro(source).postmortems)
        for (const line of pm.symptom.split('\n'))
          if (/\S\s*```/.test(line.replace(/^(?:\s*>)+/, ''))) broken.push(`${name}: ${line.slice(0, 120)}`)
    expect(broken).toEqual([])
  })

  /*
   * Floors that only go up: each is at most what the importer scored when it was last raised.
   * The goal (issue 14) is 0.9 overall and 0.8 on every field kind.
   */
  const FLOOR = { overall: 0.9, field: 0.8 }

  it(`imports at ≥ ${FLOOR.overall * 100} % field accuracy overall and ≥ ${FLOOR.field * 100} % on every field kind`, () => {
    const result = scoreCorpus(documents)
    console.log(
      `Import accuracy on ${documents.length} real retros: overall ${result.overall}\n` +
        Object.entries(result.fields)
          .map(([field, { accuracy, n }]) => `  ${field.padEnd(12)} ${accuracy.toFixed(3)}  (${n} fields)`)
          .join('\n'),
    )
    // The held-out set is reported, not asserted (decision 012 says how blind it still is).
    const heldOutScore = scoreCorpus(heldOut)
    console.log(`Held-out set (${heldOut.length} retros): overall ${heldOutScore.overall}`)
    expect(result.overall).toBeGreaterThanOrEqual(FLOOR.overall)
    for (const [field, { accuracy }] of Object.entries(result.fields))
      expect(accuracy, field).toBeGreaterThanOrEqual(FLOOR.field)
  })
})
