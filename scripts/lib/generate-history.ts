// A deterministic two-year incident history for the insights page, its cross-check test
// (src/server/insights/insights-history.integration.test.ts), `bench:http` (seed-http-bench.ts)
// and anyone who wants to look at /insights with data (seed-history.ts): postmortems with
// severities, services, tags, root-cause categories, skewed times (some missing, a few out of
// order), action items in every state of follow-through, lessons, checklist items learned from
// some of them, and launches reviewed with those items where some incidents followed a waiver.
//
// planHistory() is pure: the same seed, size and `now` give the same history. writeHistory()
// writes it with batched inserts, not through the use cases: those stamp every row with the
// present moment, and a history needs its past (when an item was done, when a check was
// waived); 10,000 postmortems through them would also take many minutes. Needs the
// react-server condition under tsx (it imports server modules when writing).
import { randomUUID } from 'node:crypto'
import { Prisma } from '../../src/generated/prisma/client'
import type { Tx } from '../../src/server/db'
import type { searchDocument as SearchDocument } from '../../src/server/search/index-postmortem'
import { defaultDuePolicies } from '../../src/server/postmortems/follow-through'
import type { RootCauseCategory, Severity } from '../../src/server/postmortems/schemas'
import { generateDocument, prng } from './retro-generator'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** Services of the history: a fixed list, the first ones hit most often. */
export const historyServices = [
  'checkout',
  'payments',
  '成长值服务',
  'auth',
  'search',
  '签到服务',
  'notifications',
  'gateway',
] as const

const tags = ['database', 'cache', 'release', 'network', 'config', 'capacity', 'third-party', 'mobile']
/** A tag that often goes with a root-cause category. */
const tagOfCategory: Partial<Record<RootCauseCategory, string>> = {
  SCHEMA: 'database',
  DATA: 'database',
  CONFIG: 'config',
  CAPACITY: 'capacity',
  DEPENDENCY: 'third-party',
  INFRASTRUCTURE: 'network',
}

const ownerNames = ['王芳', 'Alex Kim', '李强', 'Priya Nair', '陈静', 'Sam Ortiz']

const templates = [
  { name: 'Release review · 发布评审', description: 'Checks every release goes through.' },
  { name: 'Database changes · 数据库变更', description: '涉及表结构或数据迁移的发布。' },
  { name: 'Capacity and rollout · 容量与灰度', description: 'Traffic, capacity and staged rollout.' },
]
/** Which template a lesson's item goes to, by the root cause of its incident. */
const templateOfCategory = (category: RootCauseCategory | null) =>
  category === 'SCHEMA' || category === 'DATA'
    ? 1
    : category === 'CAPACITY' || category === 'INFRASTRUCTURE'
      ? 2
      : 0
/** Items written by hand, not learned from a lesson (per template). */
const handWritten = [
  [
    'Feature flags of the release are off by default · 新功能开关默认关闭',
    '回滚方案已在预发环境演练',
    'On-call knows about the launch and has the runbook',
  ],
  [
    '数据库变更已在生产规模数据上执行并查看执行计划',
    'Every schema change has one named owner who checks it in production',
  ],
  ['Capacity plan reviewed for 3× peak traffic', '灰度计划写明观察指标与回滚条件'],
]

const actionTitles = {
  zh: [
    '为{service}补充错误率告警',
    '编写{service}的应急预案',
    '给{service}加上限流与熔断',
    '压测{service}并记录容量基线',
    '清理{service}的过期配置',
    '把这次的检查项加入上线评审清单',
  ],
  en: [
    'Add an alert on the {service} error rate',
    'Write a runbook for {service}',
    'Add a load test for {service}',
    'Automate the rollback of {service}',
    'Review the timeouts of {service} with its owners',
    'Add this check to the launch review',
  ],
}
const waiverReasons = [
  '下个版本处理',
  'Covered by the canary; follow-up tracked',
  '时间来不及，风险已同步给负责人',
  'Owner accepted the risk for this rollout',
]
const dismissalReasons = ['Does not touch the database', '本次不涉及缓存', 'Already covered by another check']
const products = ['Checkout', '移动联盟', 'Growth Points', 'Search', 'Billing', '签到']

type Random = () => number

const pick = <T>(next: Random, list: readonly T[]): T => list[Math.floor(next() * list.length)]!
/** The k-th of the list about 1/(k+1) as often as the first. */
function pickSkewed<T>(next: Random, list: readonly T[]): T {
  const total = list.reduce((sum, _, k) => sum + 1 / (k + 1), 0)
  let r = next() * total
  for (let k = 0; k < list.length; k++) if ((r -= 1 / (k + 1)) <= 0) return list[k]!
  return list.at(-1)!
}
/** One of `weights`' keys, as often as its weight says. */
function pickWeighted<K extends string>(next: Random, weights: Record<K, number>): K {
  const entries = Object.entries(weights) as [K, number][]
  let r = next() * entries.reduce((sum, [, w]) => sum + w, 0)
  for (const [key, w] of entries) if ((r -= w) <= 0) return key
  return entries.at(-1)![0]
}
/** Log-normal: most values near the median, a long tail of large ones (incident durations). */
function logNormal(next: Random, median: number, sigma: number) {
  const gaussian = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next())
  return median * Math.exp(sigma * gaussian)
}
const between = (next: Random, from: number, to: number) => from + next() * (to - from)
const toMinute = (ms: number) => Math.floor(ms / MINUTE) * MINUTE
const utcDay = (ms: number) => Math.floor(ms / DAY) * DAY

export type HistoryPostmortem = {
  id: string
  title: string
  status: 'DRAFT' | 'IN_REVIEW' | 'PUBLISHED'
  severity: Severity | null
  category: RootCauseCategory | null
  language: 'en' | 'zh-CN'
  occurredAt: Date | null
  detectedAt: Date | null
  resolvedAt: Date | null
  createdAt: Date
  publishedAt: Date | null
  updatedAt: Date
  authorId: string
  launchId: string | null
  services: string[]
  tags: string[]
  document: Omit<ReturnType<typeof generateDocument>, 'hypotheses' | 'lessons'> & {
    hypotheses: {
      id: string
      statement: string
      status: 'OPEN' | 'ELIMINATED' | 'CONFIRMED'
      evidence: string
    }[]
  }
  timeline: { id: string; at: Date | null; kind: 'OBSERVATION' | 'ATTEMPT' | 'RESULT'; text: string }[]
  lessons: { id: string; text: string }[]
  actionItems: {
    id: string
    title: string
    ownerId: string
    status: 'OPEN' | 'IN_PROGRESS' | 'DONE' | 'CANCELLED'
    createdAt: Date
    dueDate: Date | null
    doneAt: Date | null
    evidenceLink: string | null
    wontDoReason: string | null
    closedAt: Date | null
  }[]
}

export type HistoryItem = {
  id: string
  template: number
  position: number
  text: string
  rationale: string
  category: string
  createdAt: Date
  archivedAt: Date | null
  sources: { lessonId: string; createdAt: Date }[]
}

export type HistoryLaunch = {
  id: string
  name: string
  status: 'PLANNED' | 'IN_REVIEW' | 'LAUNCHED' | 'CANCELLED'
  createdAt: Date
  plannedAt: Date
  launchedAt: Date | null
  overrideReason: string | null
  services: string[]
  checks: {
    id: string
    itemId: string
    ownerId: string
    status: 'PENDING' | 'PASS' | 'FAIL' | 'NA' | 'WAIVED'
    evidence: string
    waiverReason: string | null
    checkedAt: Date | null
  }[]
  dismissals: { itemId: string; reason: string; createdAt: Date }[]
}

export type HistoryPlan = {
  seed: number
  postmortems: HistoryPostmortem[]
  items: HistoryItem[]
  launches: HistoryLaunch[]
}

export type HistoryOptions = {
  /** Postmortems (default 300). */
  n?: number
  /** The history covers the two years before it (default: now). */
  now?: Date
  seed?: number
}

/** The whole history, in memory: the same options give the same history (apart from ids). */
export function planHistory({
  n = 300,
  now = new Date(),
  seed = 19,
  ownerIds,
}: HistoryOptions & { ownerIds: string[] }): HistoryPlan {
  if (!ownerIds.length) throw new Error('planHistory needs at least one owner')
  const next = prng(seed)
  const end = now.getTime()
  const start = end - 730 * DAY
  const postmortems = Array.from({ length: n }, (_, i) => planPostmortem(next, i + 1, start, end, ownerIds))
  // Numbered in the order they were written, as the app numbers them.
  postmortems.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
  const items = planItems(next, postmortems, end)
  const launches = planLaunches(
    next,
    items,
    Math.min(150, Math.max(6, Math.round(n / 12))),
    start,
    end,
    ownerIds,
  )
  attachToLaunches(next, postmortems, launches)
  dueAroundToday(postmortems, end)
  return { seed, postmortems, items, launches }
}

/**
 * Two open items of the newest postmortem that has them: one due today (not overdue until the
 * day is over) and one due yesterday (overdue), the edge a reader checks first. Draws nothing
 * from the random stream.
 */
function dueAroundToday(postmortems: HistoryPostmortem[], end: number) {
  const today = utcDay(end)
  const pm = postmortems.findLast(
    (p) => p.status === 'PUBLISHED' && p.actionItems.length >= 2 && p.createdAt.getTime() < today,
  )
  pm?.actionItems.slice(0, 2).forEach((item, k) =>
    Object.assign(item, {
      status: 'OPEN',
      dueDate: new Date(today - k * DAY),
      doneAt: null,
      evidenceLink: null,
      wontDoReason: null,
      closedAt: null,
    } satisfies Partial<HistoryPostmortem['actionItems'][number]>),
  )
}

function planPostmortem(next: Random, i: number, start: number, end: number, ownerIds: string[]) {
  // Fewer incidents as the two years go on (the loop works), never in the last 12 hours.
  let t: number
  do t = next()
  while (next() * 1.3 > 1.3 - 0.6 * t)
  const occurred = toMinute(start + t * (end - start - 12 * HOUR))
  const severity = pickWeighted<Severity | 'NONE'>(next, { SEV1: 5, SEV2: 18, SEV3: 50, SEV4: 22, NONE: 5 })
  const sev = severity === 'NONE' ? null : severity
  const category = pickWeighted<RootCauseCategory | 'NONE'>(next, {
    CODE: 22,
    CONFIG: 18,
    DEPENDENCY: 12,
    INFRASTRUCTURE: 10,
    CAPACITY: 9,
    DATA: 8,
    SCHEMA: 7,
    PROCESS: 5,
    HUMAN: 3,
    UNKNOWN: 2,
    NONE: 4,
  })
  const cat = category === 'NONE' ? null : category
  // Minutes: SEV1 are noticed and fixed fastest; a long tail of slow ones for all.
  const ttdMedian = { SEV1: 5, SEV2: 12, SEV3: 25, SEV4: 60 }[sev ?? 'SEV4']
  const ttrMedian = { SEV1: 60, SEV2: 120, SEV3: 180, SEV4: 600 }[sev ?? 'SEV4']
  const ttd = Math.round(Math.min(logNormal(next, ttdMedian, 1.3), 14 * 24 * 60)) * MINUTE
  const ttr = ttd + Math.round(Math.min(logNormal(next, ttrMedian, 1.2), 30 * 24 * 60)) * MINUTE
  let occurredAt: number | null = occurred
  let detectedAt: number | null = occurred + ttd
  let resolvedAt: number | null = occurred + ttr
  if (resolvedAt > end) resolvedAt = null // still going
  if (next() < 0.06) detectedAt = null // nobody wrote down when it was noticed
  if (next() < 0.05) resolvedAt = null
  // Some know only the alert's time; a few were imported with a local time (UTC+8) read as UTC,
  // which puts the start after the detection (and maybe the resolution).
  const r = next()
  if (r < 0.06) occurredAt = null
  else if (r < 0.072) occurredAt = occurred + 8 * HOUR
  const written = Math.max(resolvedAt ?? 0, detectedAt ?? 0, occurred + ttd)
  const createdAt = Math.min(end - MINUTE, toMinute(written + logNormal(next, 2 * DAY, 0.8)))
  const age = end - createdAt
  const status = pickWeighted(
    next,
    age < 14 * DAY ? { DRAFT: 50, IN_REVIEW: 25, PUBLISHED: 25 } : { DRAFT: 5, IN_REVIEW: 3, PUBLISHED: 92 },
  )
  const publishedAt =
    status === 'PUBLISHED'
      ? Math.min(end - MINUTE, toMinute(createdAt + logNormal(next, 4 * DAY, 0.7)))
      : null

  const generated = generateDocument(next, i)
  const chinese = /[\u4e00-\u9fff]/.test(generated.title)
  const services =
    next() < 0.03
      ? []
      : [
          ...new Set([
            pickSkewed(next, historyServices),
            ...(next() < 0.35 ? [pick(next, historyServices)] : []),
          ]),
        ]
  const tagged = new Set<string>()
  if (cat && tagOfCategory[cat] && next() < 0.6) tagged.add(tagOfCategory[cat])
  for (let k = Math.floor(next() * 3); k > 0; k--) tagged.add(pickSkewed(next, tags))
  const authorId = pickSkewed(next, ownerIds)
  const { lessons: lessonTexts, hypotheses, ...texts } = generated
  const lessons = lessonTexts.slice(0, next() < 0.3 ? 1 : 2).map((text) => ({ id: randomUUID(), text }))
  const service = services[0] ?? (chinese ? '系统' : 'the system')
  const policy = sev ? defaultDuePolicies[sev].dueDays : null
  const actionCount = 1 + Math.floor(next() * (sev === 'SEV1' ? 5 : 3))
  const actionItems = Array.from({ length: actionCount }, () =>
    planActionItem(next, { chinese, service, createdAt, end, policy, ownerIds }),
  )
  const at = (ms: number | null) => (ms === null ? null : new Date(ms))
  return {
    id: randomUUID(),
    title: generated.title,
    status,
    severity: sev,
    category: cat,
    language: chinese ? 'zh-CN' : 'en',
    occurredAt: at(occurredAt),
    detectedAt: at(detectedAt),
    resolvedAt: at(resolvedAt),
    createdAt: new Date(createdAt),
    publishedAt: at(publishedAt),
    updatedAt: new Date(Math.max(createdAt, publishedAt ?? 0)),
    authorId,
    launchId: null,
    services,
    tags: [...tagged].sort(),
    document: { ...texts, hypotheses: hypotheses.map((h) => ({ id: randomUUID(), ...h })) },
    timeline: [
      {
        kind: 'OBSERVATION' as const,
        at: at(detectedAt),
        text: chinese ? '告警触发，值班同学开始排查。' : 'Alert fired; on-call started looking.',
      },
      {
        kind: 'ATTEMPT' as const,
        at: null,
        text: chinese ? `重启${service}，没有改善。` : `Restarted ${service}; no change.`,
      },
      {
        kind: 'RESULT' as const,
        at: at(resolvedAt),
        text: chinese ? '回滚后恢复正常。' : 'Rolled back; errors back to normal.',
      },
    ].map((entry) => ({ id: randomUUID(), ...entry })),
    lessons,
    actionItems,
  } satisfies HistoryPostmortem
}

function planActionItem(
  next: Random,
  {
    chinese,
    service,
    createdAt: written,
    end,
    policy,
    ownerIds,
  }: {
    chinese: boolean
    service: string
    createdAt: number
    end: number
    policy: number | null
    ownerIds: string[]
  },
): HistoryPostmortem['actionItems'][number] {
  const createdAt = Math.min(end - MINUTE, written + Math.floor(next() * 120) * MINUTE)
  const days = policy ?? (next() < 0.4 ? 30 : null)
  // Due dates are days (UTC midnight), as the editor writes them; some items have none.
  const dueDate =
    days === null || next() < 0.08
      ? null
      : utcDay(createdAt) + Math.round(days * between(next, 0.5, 1.5)) * DAY
  const item = {
    id: randomUUID(),
    title: pick(next, actionTitles[chinese ? 'zh' : 'en']).replace('{service}', service),
    ownerId: pickSkewed(next, ownerIds),
    createdAt: new Date(createdAt),
    dueDate: dueDate === null ? null : new Date(dueDate),
  }
  const open = {
    ...item,
    status: next() < 0.7 ? 'OPEN' : 'IN_PROGRESS',
    doneAt: null,
    evidenceLink: null,
    wontDoReason: null,
    closedAt: null,
  } as const
  const outcome = pickWeighted(next, { work: 87, forgotten: 5, cancelled: 8 })
  if (outcome === 'forgotten') return open
  // Deadlines work: some items are closed on their due day itself (still on time).
  const onTheDay = dueDate !== null && dueDate > createdAt && next() < 0.12
  const closed = onTheDay
    ? toMinute(dueDate + between(next, 9, 23) * HOUR)
    : toMinute(createdAt + logNormal(next, (days ?? 30) * 0.7 * DAY, 0.9))
  if (closed > end) return open
  if (outcome === 'cancelled')
    return {
      ...open,
      status: 'CANCELLED',
      wontDoReason: chinese ? '方案调整，不再需要' : 'Superseded by the new design',
      closedAt: new Date(closed),
    }
  // Items done more than 15 months ago, some of them before the time of doing was recorded.
  const unknown = end - createdAt > 450 * DAY && next() < 0.15
  const evidence = next() < 0.6
  return {
    ...open,
    status: 'DONE',
    doneAt: unknown ? null : new Date(closed),
    evidenceLink: evidence
      ? `https://git.example.com/ops/change/${Math.floor(next() * 90_000) + 10_000}`
      : null,
    closedAt: evidence && !unknown ? new Date(closed) : null,
  }
}

/**
 * Checklist items learned from lessons of published postmortems (one lesson, and any later one
 * with the same words), a few written by hand, and a few archived since.
 */
function planItems(next: Random, postmortems: HistoryPostmortem[], end: number): HistoryItem[] {
  const published = postmortems.filter((p) => p.publishedAt && end - p.publishedAt.getTime() > 7 * DAY)
  const wanted = Math.min(80, Math.max(12, Math.round(postmortems.length * 0.08)))
  const items: HistoryItem[] = []
  const taken = new Set<string>()
  for (let tries = 0; items.length < wanted && tries < wanted * 20 && published.length; tries++) {
    const pm = pick(next, published)
    const lesson = pick(next, pm.lessons)
    if (taken.has(lesson.text)) continue
    taken.add(lesson.text)
    const createdAt = Math.min(end - HOUR, pm.publishedAt!.getTime() + Math.round(between(next, 1, 10) * DAY))
    const repeats = published
      .filter((other) => other !== pm && other.lessons.some((l) => l.text === lesson.text))
      .slice(0, 2)
    items.push({
      id: randomUUID(),
      template: templateOfCategory(pm.category),
      position: 0,
      text: lesson.text.replace(/[。.]$/, ''),
      rationale: lesson.text,
      category: pm.category ?? '',
      createdAt: new Date(createdAt),
      archivedAt: null,
      sources: [
        { lessonId: lesson.id, createdAt: new Date(createdAt) },
        ...repeats.map((other) => ({
          lessonId: other.lessons.find((l) => l.text === lesson.text)!.id,
          createdAt: new Date(Math.max(createdAt, other.publishedAt!.getTime())),
        })),
      ],
    })
  }
  const origin = Math.min(...postmortems.map((p) => p.createdAt.getTime()))
  handWritten.forEach((texts, template) =>
    texts.forEach((text) =>
      items.push({
        id: randomUUID(),
        template,
        position: 0,
        text,
        rationale: '',
        category: '',
        createdAt: new Date(origin),
        archivedAt: null,
        sources: [],
      }),
    ),
  )
  items.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
  for (const item of items) {
    if (next() < 0.08) item.archivedAt = new Date(toMinute(between(next, item.createdAt.getTime(), end)))
    item.position = items.filter((other) => other.template === item.template).indexOf(item)
  }
  return items
}

function planLaunches(
  next: Random,
  items: HistoryItem[],
  count: number,
  start: number,
  end: number,
  ownerIds: string[],
): HistoryLaunch[] {
  const versions = new Map<string, number>()
  return Array.from({ length: count }, (_, k) => {
    // Evenly over the two years, the last two still ahead.
    const planned =
      utcDay(start + 30 * DAY + ((k + between(next, 0, 0.8)) / (count - 2.5)) * (end - start - 30 * DAY)) +
      10 * HOUR
    const createdAt = Math.min(end - HOUR, planned - Math.round(between(next, 7, 21)) * DAY)
    const product = pick(next, products)
    const version = (versions.get(product) ?? 9) + 1
    versions.set(product, version)
    const status: HistoryLaunch['status'] =
      planned > end
        ? next() < 0.5
          ? 'PLANNED'
          : 'IN_REVIEW'
        : end - planned < 7 * DAY
          ? 'IN_REVIEW'
          : next() < 0.1
            ? 'CANCELLED'
            : 'LAUNCHED'
    const verdicts = {
      PLANNED: { PENDING: 1 },
      IN_REVIEW: { PENDING: 40, PASS: 40, FAIL: 10, WAIVED: 5, NA: 5 },
      LAUNCHED: { PASS: 76, WAIVED: 12, NA: 9, FAIL: 3 },
      CANCELLED: { PASS: 55, FAIL: 30, PENDING: 10, WAIVED: 5 },
    }[status] as Record<HistoryLaunch['checks'][number]['status'], number>
    const used = new Set([0, ...(next() < 0.5 ? [1] : []), ...(next() < 0.4 ? [2] : [])])
    const eligible = items.filter(
      (i) =>
        used.has(i.template) &&
        i.createdAt.getTime() < createdAt &&
        (!i.archivedAt || i.archivedAt.getTime() > createdAt),
    )
    const dismissed = eligible.length > 3 && next() < 0.25 ? pick(next, eligible) : undefined
    const checks = eligible
      .filter((i) => i !== dismissed)
      .map((item) => {
        const status = pickWeighted(next, verdicts)
        return {
          id: randomUUID(),
          itemId: item.id,
          ownerId: pickSkewed(next, ownerIds),
          status,
          evidence:
            status === 'PASS'
              ? pick(next, ['监控截图与压测报告已附', 'Query plan attached', 'Dry run log in the ticket'])
              : '',
          waiverReason: status === 'WAIVED' ? pick(next, waiverReasons) : null,
          checkedAt:
            status === 'PENDING'
              ? null
              : new Date(Math.min(end - MINUTE, planned - Math.round(between(next, 0, 3) * DAY))),
        }
      })
    return {
      id: randomUUID(),
      name: `${product} ${Math.floor(version / 10)}.${version % 10}`,
      status,
      createdAt: new Date(createdAt),
      plannedAt: new Date(planned),
      launchedAt: status === 'LAUNCHED' ? new Date(planned + Math.floor(next() * 2) * DAY) : null,
      overrideReason:
        status === 'LAUNCHED' && checks.some((c) => c.status === 'FAIL')
          ? 'Shipped with a known risk, approved by the release manager · 已知风险，发布负责人批准'
          : null,
      services: [...new Set([pickSkewed(next, historyServices), pick(next, historyServices)])],
      checks,
      dismissals: dismissed
        ? [
            {
              itemId: dismissed.id,
              reason: pick(next, dismissalReasons),
              createdAt: new Date(Math.min(end - MINUTE, createdAt + DAY)),
            },
          ]
        : [],
    }
  })
}

/** An incident in the two weeks after a launch went out is often blamed on it. */
function attachToLaunches(next: Random, postmortems: HistoryPostmortem[], launches: HistoryLaunch[]) {
  const launched = launches.filter((l) => l.launchedAt)
  for (const pm of postmortems) {
    const at = (pm.occurredAt ?? pm.detectedAt ?? pm.createdAt).getTime()
    const launch = launched.findLast(
      (l) => l.launchedAt!.getTime() <= at && at - l.launchedAt!.getTime() < 14 * DAY,
    )
    if (launch && next() < 0.3) pm.launchId = launch.id
  }
}

export type HistorySummary = {
  postmortems: number
  /** PM numbers of the history, first and last. */
  numbers: [number, number]
  actionItems: number
  lessons: number
  checklistItems: number
  launches: number
  checks: number
  from: string
  to: string
}

/** Owners of the history's action items and checks: editors who never sign in. */
async function createOwners(tx: Tx): Promise<string[]> {
  const emails = ownerNames.map((_, k) => `history-owner-${k + 1}@example.com`)
  await tx.user.createMany({
    data: ownerNames.map((name, k) => ({
      id: randomUUID(),
      name,
      email: emails[k]!,
      role: 'EDITOR' as const,
    })),
    skipDuplicates: true,
  })
  const users = await tx.user.findMany({
    where: { email: { in: emails } },
    select: { id: true, email: true },
  })
  return emails.map((email) => users.find((u) => u.email === email)!.id)
}

/** Plans a history (planHistory) and writes it; owners are created unless given. */
export async function generateHistory({
  ownerIds,
  onBatch,
  ...options
}: HistoryOptions & { ownerIds?: string[]; onBatch?: (done: number, total: number) => void } = {}) {
  const { db } = await import('../../src/server/db')
  const owners = ownerIds ?? (await db.$transaction((tx) => createOwners(tx)))
  const summary = await writeHistory(planHistory({ ...options, ownerIds: owners }), { onBatch })
  // The search documents as this version of the app builds them, its version recorded: a server
  // started on the history (bench:http) neither rebuilds them nor compares every repeat again.
  const { reindexSearch } = await import('../../src/server/postmortems/reindex-search')
  await reindexSearch()
  // As the app does after each publication: which incidents repeat an earlier one.
  const { refreshPendingRepeats } = await import('../../src/server/postmortems/repeats')
  const { databaseTarget } = await import('../../src/server/env')
  await refreshPendingRepeats({ concurrency: databaseTarget().kind === 'postgres' ? 4 : 1 })
  return summary
}

const BATCH = 1000
/** Generous: on CI's two busy cores a batch can take several times as long as alone. */
const TX = { timeout: 120_000, maxWait: 60_000 }

export async function writeHistory(
  plan: HistoryPlan,
  { onBatch = () => {} }: { onBatch?: (done: number, total: number) => void } = {},
): Promise<HistorySummary> {
  const { db } = await import('../../src/server/db')
  const { searchDocument } = await import('../../src/server/search/index-postmortem')
  const { toTsVector } = await import('../../src/server/search/tokenize')
  const { slugify } = await import('../../src/server/launches/slugify')
  const { postmortems, items, launches } = plan

  // Tags and services by name, created on first use (as the app's syncTaxonomy does).
  const serviceNames = [...new Set([...postmortems, ...launches].flatMap((r) => r.services))]
  const tagNames = [...new Set(postmortems.flatMap((p) => p.tags))]
  await db.service.createMany({ data: serviceNames.map((name) => ({ name })), skipDuplicates: true })
  await db.tag.createMany({ data: tagNames.map((name) => ({ name })), skipDuplicates: true })
  const serviceId = new Map(
    (await db.service.findMany({ where: { name: { in: serviceNames } } })).map((s) => [s.name, s.id]),
  )
  const tagId = new Map(
    (await db.tag.findMany({ where: { name: { in: tagNames } } })).map((t) => [t.name, t.id]),
  )

  // Contributing factors from the taxonomy (the migration seeds it), drawn from a random stream
  // of their own: they leave every other figure of a seeded history as it was.
  const taxonomy = await db.contributingFactor.findMany({
    where: { archivedAt: null },
    orderBy: { position: 'asc' },
    select: { id: true, name: true },
  })
  const factors = {
    ids: taxonomy.map((f) => f.id),
    names: new Map(taxonomy.map((f) => [f.id, f.name])),
    next: prng(plan.seed + 1),
  }

  // Launches first: postmortems point at them. Slugs as insertLaunch makes them, unique.
  const taken = new Set((await db.launch.findMany({ select: { slug: true } })).map((l) => l.slug))
  const slugs = launches.map((launch) => {
    const base = slugify(launch.name)
    let slug = base
    for (let k = 2; taken.has(slug); k++) slug = `${base}-${k}`
    taken.add(slug)
    return slug
  })
  await db.$transaction(async (tx) => {
    await tx.launch.createMany({
      data: launches.map((l, k) => ({
        id: l.id,
        slug: slugs[k]!,
        name: l.name,
        description: `${l.name} 上线评审 · launch review`,
        status: l.status,
        plannedAt: l.plannedAt,
        launchedAt: l.launchedAt,
        overrideReason: l.overrideReason,
        overrideById: l.overrideReason ? l.checks[0]?.ownerId : null,
        createdAt: l.createdAt,
        updatedAt: l.launchedAt ?? l.createdAt,
      })),
    })
    await tx.launchService.createMany({
      data: launches.flatMap((l) =>
        l.services.map((s) => ({ launchId: l.id, serviceId: serviceId.get(s)! })),
      ),
    })
  }, TX)

  const [{ max }] = await db.$queryRaw<
    [{ max: number }]
  >`SELECT COALESCE(MAX(number), 0)::int AS max FROM "Postmortem"`
  const first = max + 1
  for (let from = 0; from < postmortems.length; from += BATCH) {
    const batch = postmortems.slice(from, from + BATCH)
    await db.$transaction(
      (tx) => writePostmortems(tx, batch, first + from, { serviceId, tagId, searchDocument, factors }),
      TX,
    )
    onBatch(from + batch.length, postmortems.length)
  }
  // The app numbers with max + 1 (next-number.ts); the column's sequence is kept ahead anyway.
  await db.$executeRawUnsafe(
    `SELECT setval(pg_get_serial_sequence('"Postmortem"', 'number'), (SELECT MAX(number) FROM "Postmortem"))`,
  )

  const checks = launches.flatMap((l) =>
    l.checks.map((check, position) => ({ ...check, launch: l, position })),
  )
  await db.$transaction(async (tx) => {
    const templateIds = templates.map(() => randomUUID())
    const origin = items.length ? Math.min(...items.map((i) => i.createdAt.getTime())) : Date.now()
    await tx.checklistTemplate.createMany({
      data: templates.map((t, k) => ({
        id: templateIds[k]!,
        ...t,
        version: 1 + items.filter((i) => i.template === k).length,
        createdAt: new Date(origin),
        updatedAt: new Date(origin),
      })),
    })
    await tx.checklistItem.createMany({
      data: items.map((i) => ({
        id: i.id,
        templateId: templateIds[i.template]!,
        position: i.position,
        text: i.text,
        rationale: i.rationale,
        category: i.category,
        createdAt: i.createdAt,
        updatedAt: i.archivedAt ?? i.createdAt,
        archivedAt: i.archivedAt,
      })),
    })
    const vectors = items.map((i) =>
      toTsVector([
        { weight: 'A', text: i.text },
        { weight: 'B', text: i.rationale },
        { weight: 'C', text: i.category },
      ]),
    )
    await tx.$executeRaw`
      UPDATE "ChecklistItem" i SET "searchVector" = u.v::tsvector
      FROM unnest(${items.map((i) => i.id)}::text[], ${vectors}::text[]) AS u(id, v) WHERE i.id = u.id`
    await tx.checklistItemSource.createMany({
      data: items.flatMap((i) => i.sources.map((s) => ({ checklistItemId: i.id, ...s }))),
    })
    const itemOf = new Map(items.map((i) => [i.id, i]))
    await insertRows(tx, 'LaunchCheck', checks, [
      ['id', 'text', (c) => c.id],
      ['launchId', 'text', (c) => c.launch.id],
      ['checklistItemId', 'text', (c) => c.itemId],
      ['checklistItemVersion', 'int', () => 1],
      ['position', 'int', (c) => c.position],
      ['text', 'text', (c) => itemOf.get(c.itemId)!.text],
      ['rationale', 'text', (c) => itemOf.get(c.itemId)!.rationale],
      ['category', 'text', (c) => itemOf.get(c.itemId)!.category],
      ['ownerId', 'text', (c) => c.ownerId],
      ['status', '"CheckStatus"', (c) => c.status],
      ['evidence', 'text', (c) => c.evidence],
      ['waiverReason', 'text', (c) => c.waiverReason],
      ['checkedById', 'text', (c) => (c.checkedAt ? c.ownerId : null)],
      ['checkedAt', 'timestamp', (c) => c.checkedAt],
      ['createdAt', 'timestamp', (c) => c.launch.createdAt],
      ['updatedAt', 'timestamp', (c) => c.checkedAt ?? c.launch.createdAt],
    ])
    await tx.launchProposalDismissal.createMany({
      data: launches.flatMap((l) =>
        l.dismissals.map((d) => ({
          launchId: l.id,
          checklistItemId: d.itemId,
          reason: d.reason,
          createdAt: d.createdAt,
        })),
      ),
    })
  }, TX)

  const days = postmortems.map((p) => (p.occurredAt ?? p.detectedAt ?? p.createdAt).getTime())
  return {
    postmortems: postmortems.length,
    numbers: [first, first + postmortems.length - 1],
    actionItems: postmortems.reduce((sum, p) => sum + p.actionItems.length, 0),
    lessons: postmortems.reduce((sum, p) => sum + p.lessons.length, 0),
    checklistItems: items.length,
    launches: launches.length,
    checks: checks.length,
    from: new Date(Math.min(...days)).toISOString(),
    to: new Date(Math.max(...days)).toISOString(),
  }
}

async function writePostmortems(
  tx: Tx,
  batch: HistoryPostmortem[],
  firstNumber: number,
  {
    serviceId,
    tagId,
    searchDocument,
    factors,
  }: {
    serviceId: Map<string, string>
    tagId: Map<string, string>
    searchDocument: typeof SearchDocument
    factors: { ids: string[]; names: Map<string, string>; next: () => number }
  },
) {
  // Contributing factors: none on one incident in five, else one to three, the first factors of
  // the taxonomy (change, configuration, capacity…) the most common.
  const factorsOf = batch.map(() => {
    if (!factors.ids.length || factors.next() < 0.2) return []
    const count = 1 + Math.floor(factors.next() * 3)
    const chosen = new Set<string>()
    for (let k = 0; k < count; k++)
      chosen.add(factors.ids[Math.floor(factors.next() ** 2 * factors.ids.length)]!)
    return [...chosen]
  })
  const rows = batch.map((p, k) => ({
    ...p,
    number: firstNumber + k,
    factors: factorsOf[k]!,
    // What indexPostmortem writes for it, factor names included: a rebuild finds the same words.
    index: searchDocument({
      factorNames: factorsOf[k]!.map((id) => factors.names.get(id)!),
      ...p.document,
      lessons: p.lessons,
      timeline: p.timeline,
      openQuestions: [],
      actionItems: p.actionItems,
      tags: p.tags,
      services: p.services,
    }),
  }))
  type Row = (typeof rows)[number]
  const texts = [
    'summary',
    'symptom',
    'detection',
    'impact',
    'rootCause',
    'resolution',
    'verification',
  ] as const
  await insertRows(tx, 'Postmortem', rows, [
    ['id', 'text', (p) => p.id],
    ['number', 'int', (p) => p.number],
    ['title', 'text', (p) => p.title],
    ['status', '"PostmortemStatus"', (p) => p.status],
    ['severity', '"Severity"', (p) => p.severity],
    ['rootCauseCategory', '"RootCauseCategory"', (p) => p.category],
    ['launchId', 'text', (p) => p.launchId],
    ['occurredAt', 'timestamp', (p) => p.occurredAt],
    ['detectedAt', 'timestamp', (p) => p.detectedAt],
    ['resolvedAt', 'timestamp', (p) => p.resolvedAt],
    ...texts.map((key): Column<Row> => [key, 'text', (p) => p.document[key]]),
    ['language', 'text', (p) => p.language],
    ['publishedAt', 'timestamp', (p) => p.publishedAt],
    ['createdById', 'text', (p) => p.authorId],
    ['updatedById', 'text', (p) => p.authorId],
    ['createdAt', 'timestamp', (p) => p.createdAt],
    ['updatedAt', 'timestamp', (p) => p.updatedAt],
    ['searchVector', 'tsvector', (p) => p.index.vector],
    ['hypothesisVector', 'tsvector', (p) => p.index.hypothesisVector],
    ['rootCauseVector', 'tsvector', (p) => p.index.rootCauseVector],
    ['snippetSource', 'json', (p) => JSON.stringify(p.index.snippetSource)],
  ])
  /** One child table's rows of every postmortem, with its id and their positions. */
  const children = <T>(list: (p: HistoryPostmortem) => T[]) =>
    batch.flatMap((p) => list(p).map((value, position) => ({ value, postmortemId: p.id, position })))
  const parent: Column<{ postmortemId: string }> = ['postmortemId', 'text', (r) => r.postmortemId]
  const position: Column<{ position: number }> = ['position', 'int', (r) => r.position]
  await insertRows(
    tx,
    'PostmortemAuthor',
    children((p) => [p.authorId]),
    [parent, ['userId', 'text', (r) => r.value]],
  )
  await insertRows(
    tx,
    'PostmortemService',
    children((p) => p.services),
    [parent, ['serviceId', 'text', (r) => serviceId.get(r.value)!]],
  )
  await insertRows(
    tx,
    'PostmortemTag',
    children((p) => p.tags),
    [parent, ['tagId', 'text', (r) => tagId.get(r.value)!]],
  )
  await insertRows(
    tx,
    'Hypothesis',
    children((p) => p.document.hypotheses),
    [
      ['id', 'text', (r) => r.value.id],
      parent,
      position,
      ['statement', 'text', (r) => r.value.statement],
      ['status', '"HypothesisStatus"', (r) => r.value.status],
      ['evidence', 'text', (r) => r.value.evidence],
    ],
  )
  await insertRows(
    tx,
    'TimelineEntry',
    children((p) => p.timeline),
    [
      ['id', 'text', (r) => r.value.id],
      parent,
      position,
      ['at', 'timestamp', (r) => r.value.at],
      ['kind', '"TimelineKind"', (r) => r.value.kind],
      ['text', 'text', (r) => r.value.text],
    ],
  )
  await insertRows(
    tx,
    'Lesson',
    children((p) => p.lessons),
    [['id', 'text', (r) => r.value.id], parent, position, ['text', 'text', (r) => r.value.text]],
  )
  await insertRows(
    tx,
    'ActionItem',
    children((p) => p.actionItems),
    [
      ['id', 'text', (r) => r.value.id],
      parent,
      position,
      ['title', 'text', (r) => r.value.title],
      ['ownerId', 'text', (r) => r.value.ownerId],
      ['dueDate', 'timestamp', (r) => r.value.dueDate],
      ['status', '"ActionItemStatus"', (r) => r.value.status],
      ['createdAt', 'timestamp', (r) => r.value.createdAt],
      ['doneAt', 'timestamp', (r) => r.value.doneAt],
      ['evidenceLink', 'text', (r) => r.value.evidenceLink],
      ['wontDoReason', 'text', (r) => r.value.wontDoReason],
      ['closedById', 'text', (r) => (r.value.closedAt ? r.value.ownerId : null)],
      ['closedAt', 'timestamp', (r) => r.value.closedAt],
    ],
  )
  const attached = rows.flatMap((r) => r.factors.map((factorId) => ({ postmortemId: r.id, factorId })))
  await insertRows(tx, 'PostmortemFactor', attached, [
    ['postmortemId', 'text', (r) => r.postmortemId],
    ['factorId', 'text', (r) => r.factorId],
  ])
  const words = [...new Set(rows.flatMap((r) => r.index.words))].sort()
  await tx.$executeRaw`INSERT INTO "SearchWord" (word) SELECT unnest(${words}::text[]) ON CONFLICT DO NOTHING`
}

/** A column of insertRows: its name, its SQL type, its value in a row. */
type Column<Row> = [
  name: string,
  type: 'text' | 'int' | 'timestamp' | 'tsvector' | 'json' | `"${string}"`,
  value: (row: Row) => string | number | Date | null,
]

/**
 * INSERT … SELECT … FROM unnest(one array per column): thousands of rows in one statement with
 * one parameter per column (createMany sends one per value, and is several times slower). Values
 * go as text and are cast; timestamps as ISO text, whose Z `timestamp` drops (UTC, as Prisma
 * stores them). Table and column names are constants of this file, never input.
 */
async function insertRows<Row>(tx: Tx, table: string, rows: Row[], columns: Column<Row>[]) {
  if (!rows.length) return
  const names = Prisma.raw(columns.map(([name]) => `"${name}"`).join(', '))
  const arrays = columns.map(([, type, value]) => {
    const values = rows.map((row) => {
      const v = value(row)
      return v instanceof Date ? v.toISOString() : v
    })
    return type === 'int' ? Prisma.sql`${values}::int[]` : Prisma.sql`${values}::text[]`
  })
  const casts = Prisma.raw(
    columns
      .map(([name, type]) => (type === 'int' || type === 'text' ? `u."${name}"` : `u."${name}"::${type}`))
      .join(', '),
  )
  await tx.$executeRaw`INSERT INTO ${Prisma.raw(`"${table}"`)} (${names})
    SELECT ${casts} FROM unnest(${Prisma.join(arrays)}) AS u(${names})`
}
