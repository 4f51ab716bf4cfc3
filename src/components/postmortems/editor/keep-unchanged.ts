import { listFields } from '@/lib/shared-document/postmortem-ydoc'
import type { PostmortemDocument } from '@/server/postmortems/schemas'

/**
 * The document as read after a change, keeping the earlier one's values (a list, each entry of
 * it) where they did not change: sections that show unchanged parts skip re-rendering while a
 * person types elsewhere. The earlier document itself when nothing it holds changed.
 */
export function keepUnchanged(prev: PostmortemDocument, next: PostmortemDocument): PostmortemDocument {
  const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b)
  const out: Record<string, unknown> = {}
  let changed = false
  for (const key of Object.keys(next) as (keyof PostmortemDocument)[]) {
    const [a, b] = [prev[key], next[key]]
    if (listFields.includes(key as (typeof listFields)[number]) && Array.isArray(a) && Array.isArray(b)) {
      const before = new Map((a as { id: string }[]).map((item) => [item.id, item]))
      const items = (b as { id: string }[]).map((item) => {
        const old = before.get(item.id)
        return old && same(old, item) ? old : item
      })
      const kept = items.length === a.length && items.every((item, i) => item === a[i])
      out[key] = kept ? a : items
      changed ||= !kept
    } else if (same(a, b)) out[key] = a
    else {
      out[key] = b
      changed = true
    }
  }
  return changed || Object.keys(prev).length !== Object.keys(next).length ? (out as PostmortemDocument) : prev
}
