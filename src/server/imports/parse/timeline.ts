import type { List, ListItem, RootContent, Table } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { ParsedTimelineEntry, TimelineKind } from '../parsed-retro'
import { markdown } from './markdown'
import { isDateOnly, findDate, leadingStamp, stampTime, timeIn, type TimeContext } from './timestamps'
import { cuePattern, hasCue } from './vocabulary'

/*
 * Timeline entries from what teams write: a table (time | event), a list of timestamped
 * lines, paragraphs of timestamped lines, days as headings or list items with their events
 * below, and status-page updates ("**Update** - …").
 */

export function timelineKind(text: string): TimelineKind {
  if (hasCue(text, 'timelineDecision')) return 'DECISION'
  if (hasCue(text, 'timelineAttempt')) return 'ATTEMPT'
  if (hasCue(text, 'timelineResult')) return 'RESULT'
  return 'OBSERVATION'
}

const entry = (text: string, at: string | null = null): ParsedTimelineEntry => ({
  kind: timelineKind(text),
  text,
  hypothesis: null,
  at,
})

/** Lines of a text, split where a new line starts with a timestamp (a paragraph of "14:05 …" lines). */
function stampedLines(text: string, context: TimeContext): ParsedTimelineEntry[] | null {
  const lines = text
    // A hard line break ("  ⏎") is written back as "\⏎": the backslash is not part of the line.
    .split(/\\?\n|<br\s*\/?>/i)
    .map((l) => l.trim())
    .filter(Boolean)
  const stamped = lines.map((l) => leadingStamp(l))
  if (stamped.filter(Boolean).length < Math.min(2, lines.length)) return null
  const out: ParsedTimelineEntry[] = []
  lines.forEach((line, i) => {
    const s = stamped[i]
    if (s) out.push(entry(line, stampTime(s, context)))
    else if (out.length) out.at(-1)!.text += ` ${line}`
    else out.push(entry(line))
  })
  return out
}

function fromTable(table: Table, context: TimeContext): ParsedTimelineEntry[] {
  const [header, ...rows] = table.children
  if (!header) return []
  const names = header.children.map((c) => toString(c).trim().toLowerCase())
  const cells = (row: (typeof rows)[number]) => row.children.map((c) => toString(c).trim())
  let time = names.findIndex((n) => cuePattern('timeColumn').test(n) && n.length < 30)
  if (time < 0) time = names.findIndex((_, i) => rows.some((r) => leadingStamp(`${cells(r)[i] ?? ''} x`)))
  return rows.flatMap((row) => {
    const values = cells(row)
    const text = values.filter((v, i) => i !== time && v).join(' — ')
    if (!text) return []
    const stamp = time >= 0 ? leadingStamp(`${values[time] ?? ''} x`) : null
    const label = time >= 0 && values[time] ? `${values[time]} ` : ''
    return [entry(`${label}${text}`, stamp ? stampTime(stamp, context) : null)]
  })
}

function fromList(list: List, context: TimeContext): ParsedTimelineEntry[] {
  return list.children.flatMap((item: ListItem) => {
    const [first, ...rest] = item.children
    const own = first ? markdown([first as RootContent]) : ''
    const nested = rest.filter((n) => n.type === 'list') as List[]
    // "- January 31" with the day's events below it; not "- **Jun 4**: Three cherry-picks were
    // opened:" with the three below, one moment and its details.
    const dayOfEvents =
      isDateOnly(own) ||
      (/[:：]$/.test(own) &&
        nested.every((l) =>
          l.children.every((i) => leadingStamp(markdown(i.children.slice(0, 1) as RootContent[]))),
        ))
    if (nested.length && dayOfEvents) {
      const day = findDate(own, context.offset) ?? context.day
      return nested.flatMap((l) => fromList(l, { ...context, day }))
    }
    const text = markdown(item.children as RootContent[])
    if (!text) return []
    const lines = stampedLines(own, context)
    if (lines && lines.length > 1) return lines
    const stamp = leadingStamp(own)
    return [entry(text, stamp ? stampTime(stamp, context) : null)]
  })
}

/**
 * Entries of a timeline section's own content. Once the section has timestamped entries, its
 * unstamped paragraphs and code are narrative, not events: they come back as `notes`.
 */
export function readTimeline(
  nodes: RootContent[],
  context: TimeContext,
): { entries: ParsedTimelineEntry[]; notes: RootContent[] } {
  const entries: ParsedTimelineEntry[] = []
  const prose: { node: RootContent; entry: ParsedTimelineEntry }[] = []
  for (const node of nodes) {
    if (node.type === 'table') entries.push(...fromTable(node, context))
    else if (node.type === 'list') {
      const last = entries.at(-1)
      const items = fromList(node, context)
      // "**October 23** - Investigation revealed …" then a plain list: the points of that entry.
      const stampless = !items.some((e) => leadingStamp(e.text))
      if (last && prose.every((p) => p.entry !== last) && leadingStamp(last.text) && stampless)
        last.text += `\n\n${markdown([node])}`
      else if (stampless && prose.length) {
        // A plain list inside the narrative ("The full list of CDN hosts:") is narrative too.
        const e = entry(markdown([node]), null)
        prose.push({ node, entry: e })
        entries.push(e)
      } else entries.push(...items)
    } else if (node.type === 'paragraph' || node.type === 'blockquote' || node.type === 'code') {
      const text = markdown([node])
      if (node.type !== 'code' && isDateOnly(text)) {
        context = { ...context, day: findDate(text, context.offset) ?? context.day }
        continue
      }
      const lines = node.type === 'code' ? null : stampedLines(text, context)
      if (lines) entries.push(...lines)
      else {
        const stamp = node.type === 'code' ? null : leadingStamp(text)
        const e = entry(text, stamp ? stampTime(stamp, context) : null)
        prose.push({ node, entry: e })
        entries.push(e)
      }
    }
  }
  const stamped = entries.filter((e) => leadingStamp(e.text)).length
  if (stamped < 2) return { entries, notes: [] }
  // A paragraph that starts with a stamp ("**± 17:20 UTC:** the engineer takes…") is an event.
  const story = prose.filter((p) => !leadingStamp(p.entry.text))
  const narrative = new Set(story.map((p) => p.entry))
  return { entries: entries.filter((e) => !narrative.has(e)), notes: story.map((p) => p.node) }
}

/** "## Update 2021-07-15", "### 17:20 UTC": a heading that is itself a moment of the timeline. */
export function isMomentHeading(heading: string): boolean {
  if (leadingStamp(`${heading} x`) && !isDateOnly(heading)) return true
  return cuePattern('statusUpdate').test(heading) && findDate(heading, 0) !== null && heading.length < 60
}

/**
 * A list or paragraph outside a timeline section whose lines mostly start with a timestamp is a
 * timeline too (a "What happened" section written as "14:05 …" lines). Returns its entries, or null.
 */
export function stampedRun(node: RootContent, context: TimeContext): ParsedTimelineEntry[] | null {
  if (node.type === 'list') {
    const items = node.children.map((i) => toString(i.children[0] ?? { type: 'text', value: '' }))
    const stamped = items.filter((t) => leadingStamp(t)).length
    return stamped >= 3 && stamped >= items.length * 0.6 ? fromList(node, context) : null
  }
  if (node.type === 'paragraph') {
    const lines = stampedLines(markdown([node]), context)
    return lines && lines.length >= 3 ? lines : null
  }
  if (node.type === 'table') {
    const header = node.children[0]?.children.map((c) => toString(c).trim().toLowerCase()) ?? []
    return header.some((n) => cuePattern('timeColumn').test(n) && n.length < 30) && node.children.length > 2
      ? fromTable(node, context)
      : null
  }
  return null
}

/**
 * A status-page notice: "**Resolved** - This incident has been resolved." paragraphs, each
 * followed by its time ("Jan 31, 14:05 UTC"). Returns the updates as entries (oldest first), or
 * null when the nodes are not such a notice.
 */
export function statusUpdates(
  nodes: RootContent[],
  context: TimeContext,
): { entries: ParsedTimelineEntry[]; rest: RootContent[] } | null {
  const entries: ParsedTimelineEntry[] = []
  const labels: string[] = []
  const rest: RootContent[] = []
  /** Paragraphs before the first update and after the last: the original notice. */
  const before: RootContent[] = []
  const after: RootContent[] = []
  for (const node of nodes) {
    const first = node.type === 'paragraph' ? node.children[0] : null
    // "**Resolved**", "**2020-06-05 10:27 Update 5**": a short bold label naming an update;
    // "[Close Issue]" on a line of its own (cState status pages) is one too.
    const label =
      first?.type === 'strong'
        ? toString(first).trim()
        : first?.type === 'text'
          ? (/^\[([^\]\n]{1,40})\]\s*(?:\n|$)/.exec(first.value)?.[1]?.trim() ?? '')
          : ''
    if (label && label.length <= 48 && cuePattern('statusUpdate').test(label)) {
      const text = markdown([node])
      const stamp = leadingStamp(`${label} x`)
      entries.push(entry(text, stamp ? stampTime(stamp, context) : (timeIn(text, context) ?? null)))
      labels.push(label)
      after.length = 0
      continue
    }
    const text = markdown([node])
    const last = entries.at(-1)
    // The time line under an update ("Posted 2 years ago. Jan 31, 2017 - 14:05 UTC").
    const timeLine = text.replace(/^posted[^.]*\.\s*/i, '')
    if (
      last &&
      !last.at &&
      text.length < 120 &&
      (findDate(text, context.offset) || leadingStamp(`${timeLine} x`))
    ) {
      last.text += `\n${text}`
      const stamp = leadingStamp(`${timeLine} x`)
      last.at = stamp ? stampTime(stamp, context) : null
      continue
    }
    rest.push(node)
    if (!entries.length) before.push(node)
    else after.push(node)
  }
  if (entries.length < 2) return null
  // The original notice is the first update of all (above the updates or below them), unless
  // the last update opened the incident ("[Open Issue]"): what follows it is its own text.
  const opened = hasCue(labels.at(-1)!, 'statusOpened')
  const original = markdown(before.length ? before : opened ? [] : after)
  if (original) {
    const at = timeIn(original, context) ?? null
    if (before.length) entries.unshift(entry(original, at))
    else entries.push(entry(original, at))
  }
  // Status pages put the newest update first: oldest first when the times say so, or, without
  // times, when the notice opens with its closing ("[Close Issue]", "**Resolved**").
  const [first, last] = [entries[0]!.at, entries.at(-1)!.at]
  const newestFirst = first && last ? first > last : hasCue(labels[0]!, 'statusClosed') || opened
  return { entries: newestFirst ? entries.reverse() : entries, rest }
}
