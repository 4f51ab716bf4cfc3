import 'server-only'
import { db } from '../db'
import { documentInclude, toDocument } from './document'
import { SEARCH_INDEX_VERSION } from '../search/index-version'
import { indexPostmortems } from '../search/index-postmortem'

/*
 * The search documents are derived data: the tokenizer, the weighting of the parts and the
 * search columns decide what they hold (SEARCH_INDEX_VERSION). When the database's were built
 * by another version, `npm start` rebuilds every postmortem's documents once, so an upgraded
 * database finds its old postmortems as a new one would.
 */

const BATCH = 200

/** True when the database's search documents were built by this version of the code. */
export async function searchIndexIsCurrent(): Promise<boolean> {
  const state = await db.searchIndex.findUnique({ where: { id: 1 } })
  return state?.version === SEARCH_INDEX_VERSION
}

/**
 * Rebuilds every postmortem's search documents and the typo-correction vocabulary (which
 * otherwise only grows), in batches, then records the version. Returns how many it rebuilt.
 */
export async function reindexSearch(onProgress?: (done: number) => void): Promise<number> {
  let done = 0
  let cursor: number | undefined
  await db.$executeRaw`DELETE FROM "SearchWord"`
  for (;;) {
    const batch = await db.postmortem.findMany({
      orderBy: { number: 'asc' },
      take: BATCH,
      ...(cursor ? { cursor: { number: cursor }, skip: 1 } : {}),
      include: documentInclude,
    })
    if (!batch.length) break
    await db.$transaction((tx) =>
      indexPostmortems(
        tx,
        batch.map((row) => ({ id: row.id, doc: toDocument(row) })),
      ),
    )
    done += batch.length
    cursor = batch.at(-1)!.number
    onProgress?.(done)
  }
  const state = { version: SEARCH_INDEX_VERSION, builtAt: new Date() }
  await db.searchIndex.upsert({ where: { id: 1 }, create: state, update: state })
  return done
}

/** Rebuilds the search documents only when they were built by another version; null when current. */
export async function reindexSearchIfStale(onProgress?: (done: number) => void): Promise<number | null> {
  return (await searchIndexIsCurrent()) ? null : reindexSearch(onProgress)
}
