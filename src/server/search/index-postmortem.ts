import 'server-only'
import type { Tx } from '../db'
import { postgresJson } from '../db/insert-rows'
import type { SearchablePostmortem } from './searchable-postmortem'
import { toTsVector, vocabularyWords, type Weight } from './tokenize'

/** Title A; symptom, root cause, confirmed hypotheses, lessons, tags, services, factors B; the rest C. */
export function searchParts(doc: SearchablePostmortem): { weight: Weight; text: string }[] {
  const parts: { weight: Weight; text: string }[] = [
    { weight: 'A', text: doc.title },
    { weight: 'B', text: doc.symptom },
    { weight: 'B', text: doc.rootCause },
    ...doc.hypotheses.map((h) => ({
      weight: (h.status === 'CONFIRMED' ? 'B' : 'C') as Weight,
      text: h.statement,
    })),
    ...doc.lessons.map((l) => ({ weight: 'B' as Weight, text: l.text })),
    { weight: 'B', text: [...doc.tags, ...doc.services, ...(doc.factorNames ?? [])].join(' ') },
    ...doc.hypotheses.map((h) => ({ weight: 'C' as Weight, text: h.evidence })),
    { weight: 'C', text: doc.summary },
    { weight: 'C', text: doc.detection },
    { weight: 'C', text: doc.impact },
    ...doc.timeline.map((e) => ({ weight: 'C' as Weight, text: e.text })),
    { weight: 'C', text: doc.resolution },
    { weight: 'C', text: doc.verification },
    ...doc.openQuestions.map((q) => ({ weight: 'C' as Weight, text: `${q.text} ${q.answer}` })),
    ...doc.actionItems.map((a) => ({ weight: 'C' as Weight, text: a.title })),
  ]
  return parts.filter((p) => p.text)
}

/** The hypotheses alone (statement and evidence): the "only in hypotheses" filter. */
export function hypothesisParts(doc: SearchablePostmortem): { weight: Weight; text: string }[] {
  return doc.hypotheses
    .flatMap((h) => [
      { weight: 'B' as Weight, text: h.statement },
      { weight: 'C' as Weight, text: h.evidence },
    ])
    .filter((p) => p.text)
}

/** The root cause and the confirmed hypotheses: the "only confirmed root causes" filter. */
export function rootCauseParts(doc: SearchablePostmortem): { weight: Weight; text: string }[] {
  return [
    { weight: 'B' as Weight, text: doc.rootCause },
    ...doc.hypotheses
      .filter((h) => h.status === 'CONFIRMED')
      .flatMap((h) => [
        { weight: 'B' as Weight, text: h.statement },
        { weight: 'C' as Weight, text: h.evidence },
      ]),
  ].filter((p) => p.text)
}

/**
 * What a result's snippets quote of a postmortem's lists (snippets.ts), kept on its row with its
 * search documents (`Postmortem.snippetSource`): a result page read them from seven child tables,
 * a subquery each, half of what the page's statement cost (decision 065).
 */
export type ListTexts = Pick<
  SearchablePostmortem,
  'hypotheses' | 'lessons' | 'timeline' | 'openQuestions' | 'actionItems' | 'tags' | 'services'
>

export function listTexts(doc: SearchablePostmortem): ListTexts {
  return {
    hypotheses: doc.hypotheses.map(({ statement, status, evidence }) => ({ statement, status, evidence })),
    lessons: doc.lessons.map(({ text }) => ({ text })),
    timeline: doc.timeline.map(({ kind, text }) => ({ kind, text })),
    openQuestions: doc.openQuestions.map(({ text, answer }) => ({ text, answer })),
    actionItems: doc.actionItems.map(({ title }) => ({ title })),
    tags: doc.tags.toSorted(),
    services: doc.services.toSorted(),
  }
}

export type SearchDocument = {
  vector: string
  hypothesisVector: string
  rootCauseVector: string
  snippetSource: ListTexts
  words: string[]
}

/** Everything the search index holds for one postmortem, computed in Node (tokenize.ts). */
export function searchDocument(doc: SearchablePostmortem): SearchDocument {
  const parts = searchParts(doc)
  const words = new Set(parts.flatMap((p) => vocabularyWords(p.text)))
  return {
    vector: toTsVector(parts),
    hypothesisVector: toTsVector(hypothesisParts(doc)),
    rootCauseVector: toTsVector(rootCauseParts(doc)),
    snippetSource: listTexts(doc),
    // Sorted, so that concurrent writers insert new words in the same order (no deadlock).
    words: [...words].sort(),
  }
}

/** Rewrites a postmortem's search documents; called in the same transaction as every write. */
export async function indexPostmortem(tx: Tx, postmortemId: string, doc: SearchablePostmortem) {
  await indexPostmortems(tx, [{ id: postmortemId, doc }])
}

/** The search documents of postmortems, their factors named (one query for all). */
export async function searchDocuments(tx: Tx, docs: SearchablePostmortem[]): Promise<SearchDocument[]> {
  const factorIds = [...new Set(docs.flatMap((doc) => doc.factors ?? []))]
  const factors = factorIds.length
    ? await tx.contributingFactor.findMany({
        where: { id: { in: factorIds } },
        select: { id: true, name: true },
      })
    : []
  const name = new Map(factors.map((f) => [f.id, f.name]))
  return docs.map((doc) =>
    searchDocument({ ...doc, factorNames: (doc.factors ?? []).flatMap((f) => name.get(f) ?? []) }),
  )
}

/** The documents' words join the vocabulary that corrects typos in queries. */
export async function addSearchWords(tx: Tx, indexes: SearchDocument[]) {
  // Sorted, so that concurrent writers insert new words in the same order (no deadlock).
  const words = [...new Set(indexes.flatMap((i) => i.words))].sort()
  if (words.length)
    await tx.$executeRaw`
      INSERT INTO "SearchWord" (word) SELECT unnest(${words}::text[]) ON CONFLICT DO NOTHING`
}

/**
 * Rewrites the search documents of several postmortems (a save, a rebuild) in three statements
 * whatever their count: their factors' names, the vectors, the vocabulary. New postmortems get
 * theirs in the insert (insert-postmortems.ts).
 */
export async function indexPostmortems(tx: Tx, rows: { id: string; doc: SearchablePostmortem }[]) {
  const indexes = await searchDocuments(
    tx,
    rows.map((row) => row.doc),
  )
  await tx.$executeRaw`
    UPDATE "Postmortem" p SET "searchVector" = u.v::tsvector,
      "hypothesisVector" = u.hv::tsvector, "rootCauseVector" = u.rv::tsvector, "snippetSource" = u.s::json,
      -- Its text changed: its repeats are compared again (postmortems/repeats.ts). A rebuild that
      -- writes the same words (npm start after an upgrade) leaves them be.
      "repeatsCheckedAt" = CASE WHEN strip(p."searchVector") IS DISTINCT FROM strip(u.v::tsvector)
        THEN NULL ELSE p."repeatsCheckedAt" END
    FROM unnest(${rows.map((r) => r.id)}::text[], ${indexes.map((i) => i.vector)}::text[],
                ${indexes.map((i) => i.hypothesisVector)}::text[], ${indexes.map((i) => i.rootCauseVector)}::text[],
                ${indexes.map((i) => postgresJson(i.snippetSource))}::text[])
         AS u(id, v, hv, rv, s)
    WHERE p.id = u.id`
  await addSearchWords(tx, indexes)
}
