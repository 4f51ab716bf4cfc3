import 'server-only'
import type { Actor } from '../roles'
import { db } from '../db'
import { dataVersionCache, readerKey } from '../data-version-cache'
import { newestLaunchesFirst } from '../launches/find-launches'
import { readableBy } from '../postmortems/get-postmortem'
import { documentTokens } from '../search/tokenize'

/*
 * The recurrence signal: an incident at a launch where the check that should have caught it
 * was WAIVED or marked NA. A check and an incident are linked when the check's template item
 * was learned from one of the incident's lessons, or when the incident's lessons and root
 * cause contain most of the check's words (CJK bigrams and English stems).
 */

const STOP = new Set(
  'a an and are as at be by for from in is it its of on or that the this to with after before every never not'.split(
    ' ',
  ),
)
type Words = (text: string) => Set<string>
const words: Words = (text) => new Set(documentTokens(text).filter((t) => t.length > 1 && !STOP.has(t)))

/**
 * `words`, each text segmented once: a template's skipped checks meet the same incidents many
 * times over (a launch's every postmortem, for each check it skipped).
 */
function wordsOnce(): Words {
  const seen = new Map<string, Set<string>>()
  return (text) => seen.get(text) ?? seen.set(text, words(text)).get(text)!
}

/** Share of the check's words that the incident's text contains. */
export function overlap(checkText: string, incidentText: string, wordsOf: Words = words): number {
  const check = wordsOf(checkText)
  if (check.size < 2) return 0
  const incident = wordsOf(incidentText)
  let hits = 0
  for (const w of check) if (incident.has(w)) hits++
  return hits / check.size
}

export const CLOSE = 0.5

type Incident = { lessonIds: string[]; text: string }
type SkippedCheck = { text: string; sourceLessonIds: string[] }

export function recurs(check: SkippedCheck, incident: Incident, wordsOf: Words = words): boolean {
  if (check.sourceLessonIds.some((id) => incident.lessonIds.includes(id))) return true
  return overlap(check.text, incident.text, wordsOf) >= CLOSE
}

const incidentSelect = {
  id: true,
  number: true,
  title: true,
  status: true,
  rootCause: true,
  lessons: { select: { id: true, text: true } },
} as const

function asIncident(p: { rootCause: string; lessons: { id: string; text: string }[] }): Incident {
  return {
    lessonIds: p.lessons.map((l) => l.id),
    text: [p.rootCause, ...p.lessons.map((l) => l.text)].join('\n'),
  }
}

const SKIPPED: ('WAIVED' | 'NA')[] = ['WAIVED', 'NA']

const skippedChecksInclude = {
  where: { status: { in: SKIPPED } },
  select: {
    id: true,
    text: true,
    status: true,
    waiverReason: true,
    checklistItemId: true,
    checklistItem: { select: { sources: { select: { lessonId: true } } } },
  },
} as const

export type Recurrence = {
  check: { id: string; text: string; status: 'WAIVED' | 'NA'; reason: string | null }
  launch: { name: string; slug: string }
}

/** Checks skipped at this postmortem's launch that the incident shows were needed. */
export async function findRecurrences({
  actor,
  postmortemId,
}: {
  actor: Actor
  postmortemId: string
}): Promise<Recurrence[]> {
  return keptRecurrences(readerKey(actor, postmortemId), () => readRecurrences(actor, postmortemId))
}

const keptRecurrences = dataVersionCache<Recurrence[]>('recurrences', { maxEntries: 200 })

async function readRecurrences(actor: Actor, postmortemId: string): Promise<Recurrence[]> {
  const pm = await db.postmortem.findFirst({
    where: { id: postmortemId, ...readableBy(actor) },
    select: {
      ...incidentSelect,
      launch: { select: { name: true, slug: true, checks: skippedChecksInclude } },
    },
  })
  if (!pm?.launch) return []
  const incident = asIncident(pm)
  return pm.launch.checks
    .filter((c) =>
      recurs(
        { text: c.text, sourceLessonIds: c.checklistItem?.sources.map((s) => s.lessonId) ?? [] },
        incident,
      ),
    )
    .map((c) => ({
      check: { id: c.id, text: c.text, status: c.status as 'WAIVED' | 'NA', reason: c.waiverReason },
      launch: { name: pm.launch!.name, slug: pm.launch!.slug },
    }))
}

export type ItemRecurrence = {
  launch: { name: string; slug: string }
  status: 'WAIVED' | 'NA'
  reason: string | null
  incidents: { number: number; title: string }[]
}

/**
 * For each template item: the launches that skipped it, newest first, and the incidents that
 * followed there, newest first. Its one caller, the template's page, keeps what it returns.
 */
export async function findItemRecurrences({
  actor,
  templateId,
}: {
  actor: Actor
  templateId: string
}): Promise<Record<string, ItemRecurrence[]>> {
  const checks = await db.launchCheck.findMany({
    where: { checklistItem: { templateId }, status: { in: SKIPPED } },
    // In the launch list's order.
    orderBy: [...newestLaunchesFirst.map((launch) => ({ launch })), { id: 'asc' as const }],
    select: {
      text: true,
      status: true,
      waiverReason: true,
      checklistItemId: true,
      checklistItem: { select: { sources: { select: { lessonId: true } } } },
      launch: { select: { id: true, name: true, slug: true } },
    },
  })
  // Each launch's incidents once, however many of its checks were skipped.
  const launchIds = [...new Set(checks.map((c) => c.launch.id))]
  const readable = launchIds.length
    ? await db.postmortem.findMany({
        where: { launchId: { in: launchIds }, ...readableBy(actor) },
        orderBy: { number: 'desc' },
        select: { ...incidentSelect, launchId: true },
      })
    : []
  const incidentsOf = new Map<string | null, { number: number; title: string; incident: Incident }[]>()
  for (const p of readable) {
    const list = incidentsOf.get(p.launchId) ?? []
    list.push({ number: p.number, title: p.title, incident: asIncident(p) })
    incidentsOf.set(p.launchId, list)
  }
  const wordsOf = wordsOnce()
  const out: Record<string, ItemRecurrence[]> = {}
  for (const c of checks) {
    const check = { text: c.text, sourceLessonIds: c.checklistItem?.sources.map((s) => s.lessonId) ?? [] }
    const incidents = (incidentsOf.get(c.launch.id) ?? [])
      .filter((p) => recurs(check, p.incident, wordsOf))
      .map((p) => ({ number: p.number, title: p.title }))
    ;(out[c.checklistItemId!] ??= []).push({
      launch: { name: c.launch.name, slug: c.launch.slug },
      status: c.status as 'WAIVED' | 'NA',
      reason: c.waiverReason,
      incidents,
    })
  }
  return out
}
