// Inserts N synthetic published postmortems (scripts/lib/retro-generator.ts) in batches of
// 1,000 with their search vectors, hypotheses, lessons and search words: the seeding of the
// search benchmark (bench:search) and of the HTTP benchmark (bench:http). Needs the
// react-server condition (it imports server modules).
import { randomUUID } from 'node:crypto'
import { generateDocument, prng } from './retro-generator'

/** Returns the milliseconds spent tokenizing (building the search index in Node). */
export async function insertGeneratedPostmortems(
  n: number,
  { onBatch = () => {} }: { onBatch?: (done: number) => void } = {},
): Promise<{ tokenizeMs: number }> {
  const { db } = await import('../../src/server/db')
  const { emptyDocument } = await import('../../src/server/postmortems/schemas')
  const { searchDocument } = await import('../../src/server/search/index-postmortem')
  let tokenizeMs = 0
  const next = prng(7)
  const BATCH = 1000
  for (let from = 0; from < n; from += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, n - from) }, (_, k) => {
      const i = from + k + 1
      const generated = generateDocument(next, i)
      const doc = {
        ...emptyDocument(generated.title),
        ...generated,
        hypotheses: generated.hypotheses.map((h) => ({ id: randomUUID(), ...h })),
        lessons: generated.lessons.map((text) => ({ id: randomUUID(), text })),
      }
      const t = performance.now()
      const index = searchDocument(doc)
      tokenizeMs += performance.now() - t
      return { i, id: randomUUID(), doc, index }
    })
    const words = [...new Set(rows.flatMap((r) => r.index.words))].sort()
    const hypotheses = rows.flatMap((r) =>
      r.doc.hypotheses.map((h, position) => ({ ...h, pm: r.id, position })),
    )
    const lessons = rows.flatMap((r) => r.doc.lessons.map((l, position) => ({ ...l, pm: r.id, position })))
    const col = <K extends keyof (typeof rows)[number]['doc']>(key: K) => rows.map((r) => r.doc[key])
    await db.$transaction(
      async (tx) => {
        await tx.$executeRaw`
        INSERT INTO "Postmortem" (id, number, title, status, summary, symptom, detection, impact, "rootCause", resolution,
                                  verification, "updatedAt", "searchVector", "hypothesisVector", "rootCauseVector",
                                  "snippetSource")
        SELECT u.id, u.number, u.title, 'PUBLISHED', u.summary, u.symptom, u.detection, u.impact, u.root, u.resolution,
               u.verification, now() - (u.number || ' minutes')::interval, u.v::tsvector, u.hv::tsvector, u.rv::tsvector,
               u.s::json
        FROM unnest(${rows.map((r) => r.id)}::text[], ${rows.map((r) => r.i)}::int[], ${col('title')}::text[],
                    ${col('summary')}::text[], ${col('symptom')}::text[], ${col('detection')}::text[], ${col('impact')}::text[],
                    ${col('rootCause')}::text[], ${col('resolution')}::text[], ${col('verification')}::text[],
                    ${rows.map((r) => r.index.vector)}::text[], ${rows.map((r) => r.index.hypothesisVector)}::text[],
                    ${rows.map((r) => r.index.rootCauseVector)}::text[],
                    ${rows.map((r) => JSON.stringify(r.index.snippetSource))}::text[])
             AS u(id, number, title, summary, symptom, detection, impact, root, resolution, verification, v, hv, rv, s)`
        await tx.$executeRaw`
        INSERT INTO "Hypothesis" (id, "postmortemId", position, statement, status, evidence)
        SELECT u.id, u.pm, u.position, u.statement, u.status::"HypothesisStatus", u.evidence
        FROM unnest(${hypotheses.map((h) => h.id)}::text[], ${hypotheses.map((h) => h.pm)}::text[],
                    ${hypotheses.map((h) => h.position)}::int[], ${hypotheses.map((h) => h.statement)}::text[],
                    ${hypotheses.map((h) => h.status)}::text[], ${hypotheses.map((h) => h.evidence)}::text[])
             AS u(id, pm, position, statement, status, evidence)`
        await tx.$executeRaw`
        INSERT INTO "Lesson" (id, "postmortemId", position, text)
        SELECT * FROM unnest(${lessons.map((l) => l.id)}::text[], ${lessons.map((l) => l.pm)}::text[],
                             ${lessons.map((l) => l.position)}::int[], ${lessons.map((l) => l.text)}::text[])`
        await tx.$executeRaw`INSERT INTO "SearchWord" (word) SELECT unnest(${words}::text[]) ON CONFLICT DO NOTHING`
        // A thousand postmortems at once: Prisma's 5 s default expired on CI's busy cores.
      },
      { timeout: 120_000 },
    )
    onBatch(Math.min(from + BATCH, n))
  }
  // Keep the numbers' sequence ahead of the rows, as the app expects.
  await db.$executeRawUnsafe(
    `SELECT setval(pg_get_serial_sequence('"Postmortem"', 'number'), ${Math.max(1, n)})`,
  )
  return { tokenizeMs }
}
