// Seeds the editor benchmark (scripts/bench-editor.ts), in its own process so that an embedded
// database is closed again before the server opens it: an admin and one large draft, as issue
// 21 describes it: 50 hypotheses, 100 timeline entries and 20 KB of text in its long fields,
// Chinese and English. Prints { email, password, number, hypotheses, timeline, textKB } as JSON.
import { randomUUID } from 'node:crypto'

async function main() {
  const { createFirstAdmin } = await import('../../src/server/users/create-first-admin')
  const { insertPostmortem } = await import('../../src/server/postmortems/insert-postmortem')
  const { documentTextFields, postmortemDocument } = await import('../../src/server/postmortems/schemas')
  const { db } = await import('../../src/server/db')
  const email = 'bench-editor@example.com'
  const password = 'bench editor password'
  const first = await createFirstAdmin({ input: { name: 'Bench Editor', email, password } })
  if (!first.ok) throw new Error(`setup: ${first.error.code}`)
  const actor = { id: first.data.id, name: 'Bench Editor', email, role: 'ADMIN' as const }

  const sentence = (i: number) =>
    i % 2
      ? `第${i}步：缓存未更新导致订单数据不一致，主库连接池在高峰期被打满，需要确认发布顺序与回滚方案。`
      : `Step ${i}: the checkout service read a stale cache entry while the primary's connection pool was exhausted at peak.`
  const paragraph = (from: number, count: number) =>
    Array.from({ length: count }, (_, k) => sentence(from + k)).join(' ')
  // About 20 KB of text across the long fields, most of it in the root cause and the summary.
  const hypotheses = Array.from({ length: 50 }, (_, i) => ({
    id: randomUUID(),
    statement: `Hypothesis ${i + 1}: ${sentence(i)}`,
    status: (['OPEN', 'ELIMINATED', 'CONFIRMED'] as const)[i % 3]!,
    evidence: paragraph(i, 2),
  }))
  const document = postmortemDocument.parse({
    title: 'Editor benchmark: 移动联盟 checkout outage',
    summary: paragraph(0, 40),
    symptom: paragraph(30, 15),
    detection: paragraph(45, 5),
    impact: paragraph(50, 5),
    rootCause: paragraph(55, 60),
    resolution: paragraph(115, 30),
    verification: paragraph(145, 5),
    hypotheses,
    timeline: Array.from({ length: 100 }, (_, i) => ({
      id: randomUUID(),
      at: new Date(Date.UTC(2026, 10, 1, 8, i)).toISOString(),
      kind: (['OBSERVATION', 'ATTEMPT', 'RESULT', 'DECISION'] as const)[i % 4]!,
      text: sentence(i),
      hypothesisId: i % 4 === 0 ? hypotheses[i % 50]!.id : null,
    })),
    lessons: Array.from({ length: 10 }, (_, i) => ({ id: randomUUID(), text: sentence(200 + i) })),
    actionItems: Array.from({ length: 10 }, (_, i) => ({ id: randomUUID(), title: sentence(300 + i) })),
  })
  const row = await db.$transaction((tx) => insertPostmortem(tx, actor, document))
  const textBytes = documentTextFields.reduce((sum, field) => sum + Buffer.byteLength(document[field]), 0)
  console.log(
    JSON.stringify({
      email,
      password,
      number: row.number,
      hypotheses: document.hypotheses.length,
      timeline: document.timeline.length,
      textKB: Math.round(textBytes / 1024),
    }),
  )
  await db.$disconnect()
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
