// npm run search:reindex - rebuilds every postmortem's search documents (after tokenizer changes or
// the migration that added them) and the typo-correction vocabulary, which otherwise only grows.
import { db } from '../src/server/db'
import { documentInclude, toDocument } from '../src/server/postmortems/document'
import { indexPostmortem } from '../src/server/search/index-postmortem'

async function main() {
  const started = performance.now()
  let done = 0
  let cursor: number | undefined
  await db.$executeRaw`DELETE FROM "SearchWord"`
  for (;;) {
    const batch = await db.postmortem.findMany({
      orderBy: { number: 'asc' },
      take: 200,
      ...(cursor ? { cursor: { number: cursor }, skip: 1 } : {}),
      include: documentInclude,
    })
    if (!batch.length) break
    await db.$transaction(async (tx) => {
      for (const row of batch) await indexPostmortem(tx, row.id, toDocument(row))
    })
    done += batch.length
    cursor = batch.at(-1)!.number
    process.stderr.write(`\rReindexed ${done} postmortem(s)`)
  }
  console.error(`\rReindexed ${done} postmortem(s) in ${((performance.now() - started) / 1000).toFixed(1)} s`)
}

main()
  .then(() => db.$disconnect())
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  })
