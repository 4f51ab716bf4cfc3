import 'server-only'
import type { Tx } from '../db'
import type { PostmortemDocument } from '../postmortems/schemas'
import { toTsVector, type Weight } from './tokenize'

/** Title A; symptom, root cause, confirmed hypotheses, lessons, tags B; the rest C. */
export function searchParts(doc: PostmortemDocument): { weight: Weight; text: string }[] {
  const parts: { weight: Weight; text: string }[] = [
    { weight: 'A', text: doc.title },
    { weight: 'B', text: doc.symptom },
    { weight: 'B', text: doc.rootCause },
    ...doc.hypotheses.map((h) => ({
      weight: (h.status === 'CONFIRMED' ? 'B' : 'C') as Weight,
      text: h.statement,
    })),
    ...doc.lessons.map((l) => ({ weight: 'B' as Weight, text: l.text })),
    { weight: 'B', text: [...doc.tags, ...doc.services].join(' ') },
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

/** Rewrites a postmortem's search document; called in the same transaction as every write. */
export async function indexPostmortem(tx: Tx, postmortemId: string, doc: PostmortemDocument) {
  const vector = toTsVector(searchParts(doc))
  await tx.$executeRaw`UPDATE "Postmortem" SET "searchVector" = ${vector}::tsvector WHERE id = ${postmortemId}`
}
