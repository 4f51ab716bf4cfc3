import { setImmediate as yieldToReplies } from 'node:timers/promises'

/**
 * Saves `items` `batchSize` at a time, parsing each batch while the one before it is saved: a
 * folder import's save waits on Postgres about half its time, and the parse (Node's CPU) fills it
 * (decision 057). Items are parsed one at a time, with a turn between them for the save's
 * replies, so its next statement goes out as soon as Postgres answers the last. The saves stay
 * in order and one at a time; the first that fails stops the rest and is thrown.
 */
export async function parseWhileSaving<Item, Parsed>(
  items: Item[],
  batchSize: number,
  parse: (item: Item) => Parsed,
  save: (parsed: Parsed[]) => Promise<void>,
): Promise<void> {
  let saving: Promise<void> = Promise.resolve()
  for (let from = 0; from < items.length; from += batchSize) {
    const parsed: Parsed[] = []
    for (const item of items.slice(from, from + batchSize)) {
      parsed.push(parse(item))
      await yieldToReplies()
    }
    await saving
    saving = save(parsed)
    // Thrown when awaited, after the next batch's parse; not an unhandled rejection before that.
    saving.catch(() => {})
  }
  await saving
}
