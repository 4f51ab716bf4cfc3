import type { List, ListItem, RootContent, Table } from 'mdast'
import { toString } from 'mdast-util-to-string'
import * as chrono from 'chrono-node'
import type { ParsedActionItem } from '../parsed-retro'
import { proseSentences, sentences } from '../text'
import { markdown, parseMarkdown } from './markdown'
import { alternation, cuePattern, hasCue, isCueLabel, isPlaceholder, kept } from './vocabulary'

/*
 * Action items from lists (checkboxes, ✅, "(done)", "~~struck~~"), from tables with owner,
 * due date, status and issue columns, and from group items ("Short term:" with the items
 * below). Owners written inline ("Owner: @ada", "(@ada, due 2026-12-01)", "负责人：张三").
 */

type Status = ParsedActionItem['status']

/** A done or open mark (✅, ⬜, ❌ …) at the start of an item's text. */
const leadingMark = kept(() => new RegExp(`^(?:${alternation('itemMarks')})\\s*`, 'u'))

/** "3、采用多次hash…", "**1. Update the pipeline**": an item numbered by hand, not by a Markdown list. */
const HAND_NUMBER = /^(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})[、．)）]\s*|\d{1,2}\.\s+)(?=\D)/u

const URL = /https?:\/\/[^\s)>\]]+/

const pad = (n: number) => String(n).padStart(2, '0')

/**
 * A due date as ISO; one written without a year ("Dec 15", "12月15日") as ISO 8601's "--12-15"
 * until the incident's day gives it one (dueAfter).
 */
function isoDay(text: string): string | null {
  const iso = /\d{4}-\d{2}-\d{2}/.exec(text)?.[0]
  if (iso) return iso
  const han = /\p{Script=Han}/u.test(text)
  const [result] = (han ? chrono.zh.hans : chrono.en).parse(text, new Date(Date.UTC(2020, 0, 1)))
  if (!result?.start.isCertain('day') || !result.start.isCertain('month')) return null
  const d = result.start.date()
  const monthDay = `${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
  return result.start.isCertain('year') ? `${d.getFullYear()}-${monthDay}` : `--${monthDay}`
}

/**
 * A due date without a year is the first such day on or after the incident (work is due after
 * it happened); without the incident's day it is unknown.
 */
export function dueAfter(due: string | null, day: Date | null): string | null {
  const m = due ? /^--(\d{2})-(\d{2})$/.exec(due) : null
  if (!m) return due
  if (!day) return null
  const [month, date] = [Number(m[1]), Number(m[2])]
  const start = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate())
  const year = day.getUTCFullYear() + (Date.UTC(day.getUTCFullYear(), month - 1, date) < start ? 1 : 0)
  return `${year}-${pad(month)}-${pad(date)}`
}

const PERFECT_DONE = kept(
  () =>
    new RegExp(
      `(?<![a-z])(?:has|have|had|was|were)\\s+(?:been\\s+|now\\s+|already\\s+)?(?:${alternation('doneVerbs')})(?![a-z])`,
      'iu',
    ),
)
const SUBJECT_DONE = kept(
  () => new RegExp(`^(?:[\\p{L}\\p{N}.\\-/]+\\s+){1,4}(?:${alternation('doneVerbs')})(?![a-z])`, 'iu'),
)
const CLOSING_NOTE = kept(
  () =>
    new RegExp(
      `[(（]\\s*(?:${alternation('doneVerbs')}|fixed|done|resolved|closed)(?![a-z])[^)）]*[)）][.。]?\\s*$`,
      'iu',
    ),
)
/** "A daily check has been added", "Alerts added for …", "proxy.ts now detects …", "已增加监控": written as done. */
function saysDone(text: string): boolean {
  const head = text.replace(/[*_`]/g, '').slice(0, 120)
  return (
    PERFECT_DONE().test(head) ||
    SUBJECT_DONE().test(head) ||
    // "… (fixed by adding a separate monitoring entry)", "（已修复）": a closing note that says so.
    CLOSING_NOTE().test(text.replace(/[*_`]/g, '')) ||
    /^\s*(?:已经|已)/u.test(head) ||
    toldAsDone(head)
  )
}

const PAST_TENSE = kept(() => new RegExp(`^(?:${alternation('pastTense')})(?![a-z])`, 'iu'))
const NOT_PAST_TENSE = kept(() => new RegExp(`^(?:${alternation('notPastTense')})\\s`, 'iu'))
/**
 * "Reverted the changes and released 1.270.1", "KHYPE-USDC pool halted.", "All bridge transactions
 * identified (Section 5).": an item that opens with a verb in the past tense, or a short one that
 * ends on a past participle after its subject (not "will be contacted", "are tested").
 */
function toldAsDone(head: string): boolean {
  const first = sentences(head)[0] ?? head
  const opening = PAST_TENSE().test(first)
  const opensWithPast = /^[A-Z][a-z]{2,}ed\s/.test(first) && !NOT_PAST_TENSE().test(first)
  const words = first.split(/\s+/).length
  const closes =
    words <= 14 &&
    /(?<!\b(?:is|are|be|been|being|to|will|should|must|get|gets|needs?)\s)\b[a-z]{3,}ed(?:\s*\([^)]{0,40}\))?[.。]?\s*$/i.test(
      first,
    )
  // "… have been identified and will be contacted": what is still to come is not done.
  const pending = /\b(?:will|shall|should|must|to be|plan to|going to)\b/i.test(first)
  return !pending && (opening || opensWithPast || closes)
}

function statusOf(text: string, checked: boolean | null | undefined): Status {
  if (checked) return 'DONE'
  if (/^~~[\s\S]+~~$/.test(text.trim())) return 'DONE'
  if (hasCue(text, 'done')) return 'DONE'
  if (hasCue(text, 'inProgress')) return 'IN_PROGRESS'
  if (checked === null && saysDone(text)) return 'DONE'
  return 'OPEN'
}

const ownerLabel = kept(
  () => new RegExp(`(?:${alternation('owner')})\\s*[:：]\\s*(@?[^,，;；)）\\]\\n]+)`, 'iu'),
)
/** "Due:", "截止：", "due by": what introduces a due date ("due to a bug" does not). */
const dueWord = String.raw`(?<![a-z])due(?!\s+to\b)(?:\s+(?:by|on))?`
/** A due date's text: up to a comma, except the year of "Dec 1, 2026". */
const DUE_TEXT = String.raw`[^,，;；)）\]\n]+(?:,\s*\d{4}(?!\d))?`
const dueLabel = kept(
  () => new RegExp(`(?:(?:${alternation('due')})\\s*[:：]|${dueWord})\\s*(${DUE_TEXT})`, 'iu'),
)
/** "…，负责人：张三，截止：2026-11-30", "…, due by Dec 1, 2026" at the end of an item: not its title. */
const trailingMeta = kept(
  () =>
    new RegExp(
      `(?:\\s*[-–—|,，;；]?\\s*(?:(?:${alternation('owner')}|${alternation('due')})\\s*[:：]|${dueWord}\\s)${DUE_TEXT})+$`,
      'iu',
    ),
)

/** "Add an alert (@ada, due 2026-12-01)" → title, owner, due, link, status. */
export function actionFromText(text: string, checked: boolean | null | undefined = null): ParsedActionItem {
  const flat = text.replace(/\s+/g, ' ').trim()
  // "(@ada, due …)" names an owner; "added an @emergency role" names a Discord role.
  const owner =
    ownerLabel().exec(flat)?.[1] ??
    /(?:^|(?<!\b(?:an?|the))[\s(（[,，`])@([\p{L}\p{N}._-]+)/iu.exec(flat)?.[1]
  const dueText = dueLabel().exec(flat)?.[1]
  const due = dueText ? isoDay(dueText) : (/\d{4}-\d{2}-\d{2}/.exec(flat)?.[0] ?? null)
  const title = flat
    .replace(/^\[[ xX]\]\s*/, '')
    .replace(HAND_NUMBER, '')
    .replace(leadingMark(), '')
    .replace(/\s*[(（][^)）]*(?:@|due|截止|owner|负责)[^)）]*[)）]\s*$/iu, '')
    .replace(trailingMeta(), '')
    .replace(/~~/g, '')
    .trim()
  const link = URL.exec(flat)?.[0]
  return {
    title: title || flat,
    owner: owner?.trim().replace(/[.。]$/, '') || null,
    due,
    status: statusOf(flat, checked),
    ...(link ? { link } : {}),
  }
}

function fromTable(table: Table): ParsedActionItem[] {
  const [header, ...rows] = table.children
  if (!header) return []
  const names = header.children.map((cell) => toString(cell).trim().toLowerCase())
  const column = (cue: Parameters<typeof cuePattern>[0]) =>
    names.findIndex((n) => n.length < 40 && isCueLabel(n, cue))
  const loose = (cue: Parameters<typeof cuePattern>[0]) =>
    names.findIndex((n) => n.length < 40 && cuePattern(cue).test(n))
  const owner = column('owner') >= 0 ? column('owner') : loose('owner')
  const due = column('due') >= 0 ? column('due') : loose('due')
  const status = column('status') >= 0 ? column('status') : loose('status')
  const link = column('link') >= 0 ? column('link') : loose('link')
  const taken = new Set([owner, due, status, link])
  let title = column('actionTitle')
  if (title < 0 || taken.has(title)) title = names.findIndex((_, i) => !taken.has(i))
  const cell = (row: (typeof rows)[number], i: number) =>
    i >= 0 ? toString(row.children[i] ?? { type: 'text', value: '' }).trim() : ''
  const linkOf = (row: (typeof rows)[number]) => {
    if (link < 0) return null
    const node = row.children[link]
    const text = node ? markdown(node.children as unknown as RootContent[]) : ''
    return URL.exec(text)?.[0] ?? null
  }
  return rows
    .map((row) => {
      const text = cell(row, title)
      const statusText = cell(row, status)
      // No status column: "DONE" or ✅ written in any cell ("n/a DONE" in a Bug column).
      const anyCell =
        status < 0 && row.children.some((_, i) => /(?:^|\s)(?:DONE|✅|☑)(?:\s|$|\.)/u.test(cell(row, i)))
      const done =
        anyCell ||
        (statusText ? new RegExp(`^(?:${alternation('doneStatus')})`, 'iu').test(statusText) : false)
      const inProgress = statusText ? hasCue(statusText, 'inProgress') : false
      const url =
        linkOf(row) ??
        URL.exec(markdown(row.children.flatMap((c) => c.children) as unknown as RootContent[]))?.[0]
      return {
        title: text.replace(leadingMark(), '').replace(HAND_NUMBER, ''),
        owner: cell(row, owner) || null,
        due: isoDay(cell(row, due)),
        status: done ? ('DONE' as const) : inProgress ? ('IN_PROGRESS' as const) : statusOf(text, null),
        ...(url ? { link: url } : {}),
      }
    })
    .filter((a) => a.title)
}

function fromList(list: List): ParsedActionItem[] {
  return list.children.flatMap((item: ListItem) => {
    const [first, ...rest] = item.children
    const own = first ? markdown([first as RootContent]) : ''
    const nested = rest.filter((n) => n.type === 'list') as List[]
    // "Short term:" / "**Monitoring**" with the items below it: a group, not an item.
    if (
      nested.length &&
      item.checked == null &&
      (/[:：]\s*$/.test(own) || /^\*\*[^*]+\*\*$/.test(own) || own.length < 40)
    )
      return nested.flatMap(fromList)
    const text = nested.length ? own : markdown(item.children as RootContent[])
    if (!text) return []
    return [actionFromText(text, item.checked)]
  })
}

/** "#### 1) Alerts added for pgbouncer errors by `@ada`": a heading under Action items that is an item itself. */
export const actionFromHeading = (heading: string) =>
  actionFromText(heading.replace(/^\s*\d+[.)、]\s*/, ''), null)

/** A table of follow-ups wherever it is: an action column and an owner or status column. */
export function isActionTable(table: Table): boolean {
  const names = table.children[0]?.children.map((c) => toString(c).trim().toLowerCase()) ?? []
  const exact = (cue: Parameters<typeof cuePattern>[0]) =>
    names.some((n) => new RegExp(`^(?:${alternation(cue)})s?$`, 'iu').test(n.replace(/[:：]$/, '')))
  return exact('actionTitle') && (exact('owner') || exact('status') || exact('due'))
}

/** The action items of a section's content; what is neither list nor table is returned as the rest. */
export function readActionItems(nodes: RootContent[]): { items: ParsedActionItem[]; rest: RootContent[] } {
  const items: ParsedActionItem[] = []
  const rest: RootContent[] = []
  for (const node of nodes) {
    if (node.type === 'table') items.push(...fromTable(node))
    else if (node.type === 'list') items.push(...fromList(node))
    else if (node.type === 'paragraph') {
      // Lines that each carry a mark: "✅ Rotate the key\n⬜ Alert on expiry".
      const text = markdown([node])
      const lines = text.split('\n').filter((l) => l.trim())
      if (
        lines.length > 1 &&
        lines.every((l) =>
          new RegExp(`^\\s*(?:${alternation('itemMarks')}|\\[[ xX]\\]|\\d+[.)、]|[-*+]\\s)`, 'u').test(l),
        )
      )
        items.push(
          ...lines.map((l) => {
            const checked = /^\s*\[[xX]\]/.test(l)
            return actionFromText(
              l.replace(/^\s*(?:\d+[.)、]|[-*+])\s*/, '').replace(/^\[[ xX]\]\s*/, ''),
              checked,
            )
          }),
        )
      else rest.push(node)
    } else rest.push(node)
  }
  return { items: items.filter((item) => !isPlaceholder(item.title)), rest }
}

/** A sentence that tells work still to do, as an open item. */
const openItem = (sentence: string): ParsedActionItem => ({
  ...actionFromText(sentence, null),
  status: 'OPEN',
})

/**
 * Follow-ups a retro with no follow-up section tells inside its resolution section: items of a
 * fix list that only propose ("建议…", "we should …"), else work it says is planned or under way
 * ("Chia plans to have a third party audit …", "All secrets are being rotated", "正在重建主机").
 * The plain fix steps stay the resolution (taking them too was measured worse).
 */
export function followUpsIn(resolution: string): ParsedActionItem[] {
  if (!resolution) return []
  const proposed = readActionItems(
    parseMarkdown(resolution).children.filter((n) => n.type === 'list'),
  ).items.filter((item) => item.status === 'OPEN' && hasCue(item.title, 'proposed'))
  if (proposed.length) return proposed
  return proseSentences(resolution)
    .filter((s) => s.length < 400 && hasCue(s, 'plannedWork'))
    .map(openItem)
}

/**
 * Follow-ups a retro promises in its prose, with no section or list for them: the sentences of
 * the summary and of the sections nothing else took that commit to future work ("we'll add a
 * manual override to our db healthchecks", "我们也在积极评估方案，以避免此类事件再次发生").
 */
export function promisedIn(texts: string[]): ParsedActionItem[] {
  const said = proseSentences(texts.filter(Boolean).join('\n\n'))
  // "we’ll" is "we'll"; "we will continue to monitor" and "我们将继续排查" report, they promise no work.
  const promises = (s: string) => hasCue(s.replace(/[’‘]/g, "'"), 'commitment') && !hasCue(s, 'notCommitment')
  return [...new Set(said)]
    .filter((s) => s.length >= 8 && s.length < 400 && !/[:：]$/.test(s) && promises(s))
    .slice(0, 8)
    .map(openItem)
}
