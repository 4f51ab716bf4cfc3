import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../roles'
import { db } from '../db'
import { insertLaunch } from '../launches/create-launch'
import { changePostmortemStatus } from '../postmortems/change-status'
import { createPostmortem } from '../postmortems/create-postmortem'
import { findPostmortems } from '../postmortems/find-postmortems'
import { savePostmortem } from '../postmortems/save-postmortem'
import { findPostmortemsInput, postmortemDocument } from '../postmortems/schemas'
import { addChecksFromTemplate } from '../checklists/add-checks-from-template'
import { addItem } from '../checklists/add-item'
import { assignOwner } from '../checklists/assign-owner'
import { changeLaunchStatus } from '../checklists/change-launch-status'
import { createTemplate } from '../checklists/create-template'
import { getLaunchReview } from '../checklists/launch-review'
import { checkStatusInput, itemInput } from '../checklists/schemas'
import { setCheckStatus } from '../checklists/set-check-status'
import { turnLessonIntoItem } from '../checklists/turn-lesson-into-item'
import { getInsights } from './get-insights'
import { insightsToCsv } from './insights-csv'
import { insightsInput } from './schemas'
import { person, unwrap } from '@/test/people'

/*
 * A small known history, made through the use cases people use, and the figures a reader of
 * the insights page would read from it:
 *   PM A  published SEV1 checkout+db  SCHEMA  occurred 10 Jan 10:00, detected +10 min, resolved +2 h
 *   PM B  published SEV2 checkout     CONFIG  occurred 20 Jan 00:00, detected +30 min, resolved +6 h
 *   PM C  published SEV2 search       —       no occurred time, detected 5 Mar, at launch "Checkout v3"
 *   PM D  draft     SEV1 checkout     —       1 Feb
 * A's lesson became a checklist item; that item was WAIVED at "Checkout v3", where C happened.
 */

let admin: Actor
let editor: Actor
let viewer: Actor
const now = new Date(Date.now() + 10 * 86_400_000)
const insights = async (actor: Actor, query: Record<string, string> = {}) =>
  unwrap(await getInsights({ actor, input: insightsInput.parse(query), now }))

async function postmortem(
  doc: Record<string, unknown>,
  { publish = true, launchId = null }: { publish?: boolean; launchId?: string | null } = {},
) {
  const { number } = unwrap(
    await createPostmortem({ actor: editor, input: { title: String(doc.title), launchId } }),
  )
  unwrap(
    await savePostmortem({
      actor: editor,
      number,
      input: {
        baseVersion: 1,
        document: postmortemDocument.parse({ symptom: 'It broke', rootCause: 'Because', launchId, ...doc }),
      },
    }),
  )
  if (publish) {
    unwrap(await changePostmortemStatus({ actor: admin, number, to: 'IN_REVIEW' }))
    unwrap(await changePostmortemStatus({ actor: admin, number, to: 'PUBLISHED' }))
  }
  return number
}

const pms: Record<'A' | 'B' | 'C' | 'D', number> = { A: 0, B: 0, C: 0, D: 0 }
let learned: string
let plain: string

beforeAll(async () => {
  admin = await person('Admin', 'ADMIN')
  editor = await person('Eve', 'EDITOR')
  viewer = await person('Vic', 'VIEWER')
  const lessonA = randomUUID()
  pms.A = await postmortem({
    title: 'Missing index on task upload',
    severity: 'SEV1',
    services: ['checkout'],
    tags: ['db'],
    rootCauseCategory: 'SCHEMA',
    occurredAt: '2026-01-10T10:00:00Z',
    detectedAt: '2026-01-10T10:10:00Z',
    resolvedAt: '2026-01-10T12:00:00Z',
    lessons: [{ id: lessonA, text: 'Check indexes on production-size data' }],
    actionItems: [
      { id: randomUUID(), title: 'Add the index', ownerId: editor.id, status: 'DONE' },
      { id: randomUUID(), title: 'Query plan review', ownerId: editor.id, dueDate: '2026-02-01' },
    ],
  })
  pms.B = await postmortem({
    title: 'Wrong timeout in config',
    severity: 'SEV2',
    services: ['checkout'],
    rootCauseCategory: 'CONFIG',
    occurredAt: '2026-01-20T00:00:00Z',
    detectedAt: '2026-01-20T00:30:00Z',
    resolvedAt: '2026-01-20T06:00:00Z',
    lessons: [{ id: randomUUID(), text: 'Review timeouts with the owning team' }],
    actionItems: [
      { id: randomUUID(), title: 'Lint config', ownerId: admin.id },
      { id: randomUUID(), title: 'Alert on timeouts', ownerId: admin.id, dueDate: '2099-01-01' },
    ],
  })

  const template = unwrap(await createTemplate({ actor: editor, input: { name: 'Launch', description: '' } }))
  learned = unwrap(
    await turnLessonIntoItem({
      actor: editor,
      number: pms.A,
      lessonId: lessonA,
      input: {
        templateId: template.id,
        ...itemInput.parse({ text: 'Check indexes on production-size data' }),
      },
    }),
  ).id
  plain = unwrap(
    await addItem({
      actor: editor,
      templateId: template.id,
      input: itemInput.parse({ text: 'Feature flags off by default' }),
    }),
  ).id

  // Two launches use the template: the learned check is waived at the first and passes at the second.
  const review = async (name: string, verdicts: Record<string, object>) => {
    const launch = await db.$transaction((tx) =>
      insertLaunch(tx, { name, description: '', plannedAt: null, launchedAt: null }),
    )
    unwrap(await addChecksFromTemplate({ actor: editor, slug: launch.slug, templateId: template.id }))
    const checks = (await getLaunchReview({ actor: editor, launchId: launch.id })).checks
    for (const c of checks) unwrap(await assignOwner({ actor: editor, checkId: c.id, ownerId: editor.id }))
    unwrap(
      await changeLaunchStatus({ actor: editor, slug: launch.slug, input: { to: 'IN_REVIEW', reason: '' } }),
    )
    for (const c of checks)
      unwrap(
        await setCheckStatus({
          actor: editor,
          checkId: c.id,
          input: checkStatusInput.parse(verdicts[c.text]),
        }),
      )
    return launch
  }
  const v3 = await review('Checkout v3', {
    'Check indexes on production-size data': { status: 'WAIVED', waiverReason: 'No time' },
    'Feature flags off by default': { status: 'FAIL' },
  })
  await review('Checkout v4', {
    'Check indexes on production-size data': { status: 'PASS', evidence: 'plan attached' },
    'Feature flags off by default': { status: 'PASS', evidence: 'flags.yaml' },
  })

  pms.C = await postmortem(
    {
      title: 'Slow search after launch',
      severity: 'SEV2',
      services: ['search'],
      detectedAt: '2026-03-05T00:00:00Z',
      resolvedAt: '2026-03-05T01:00:00Z',
    },
    { launchId: v3.id },
  )
  pms.D = await postmortem(
    { title: 'Draft outage', severity: 'SEV1', services: ['checkout'], occurredAt: '2026-02-01T00:00:00Z' },
    { publish: false },
  )
})

describe('insights (real database)', () => {
  it('count published incidents by month, severity, service and root-cause category', async () => {
    const figures = await insights(viewer)
    expect(figures.incidents.total).toBe(3)
    // C has no occurred time: it counts in March, the month it was detected, not nowhere.
    expect(figures.incidents.byMonth).toEqual([
      { month: '2026-01', total: 2, bySeverity: { SEV1: 1, SEV2: 1, SEV3: 0, SEV4: 0, NONE: 0 } },
      { month: '2026-02', total: 0, bySeverity: { SEV1: 0, SEV2: 0, SEV3: 0, SEV4: 0, NONE: 0 } },
      { month: '2026-03', total: 1, bySeverity: { SEV1: 0, SEV2: 1, SEV3: 0, SEV4: 0, NONE: 0 } },
    ])
    expect(figures.incidents.byService).toEqual([
      { name: 'checkout', count: 2 },
      { name: 'search', count: 1 },
    ])
    expect(figures.incidents.byCategory).toEqual([
      { category: 'CONFIG', count: 1 },
      { category: 'SCHEMA', count: 1 },
      { category: null, count: 1 },
    ])
  })

  it('give time to detect and to resolve as medians, p90 and histograms, counting incidents without times', async () => {
    const { timeToDetect, timeToResolve } = await insights(viewer)
    expect(timeToDetect).toMatchObject({ measured: 2, missing: 1, inconsistent: 0, median: 1_200 })
    expect(timeToDetect.buckets).toEqual([0, 1, 1, 0, 0, 0, 0]) // 10 min, 30 min
    // 2 h and 6 h: the median is between them; C (never said when it started) is counted as missing.
    expect(timeToResolve).toMatchObject({ measured: 2, missing: 1, median: 14_400, min: 7_200, max: 21_600 })
    expect(timeToResolve.p90).toBeCloseTo(20_160)
    expect(timeToResolve.buckets).toEqual([0, 0, 0, 1, 1, 0, 0])
  })

  it('follow action items through: open, overdue, done, by owner and by service', async () => {
    const { actionItems } = await insights(viewer)
    expect(actionItems).toMatchObject({
      total: 4,
      open: 3,
      overdue: 1,
      // 'Lint config' is due when SEV2's policy says (decision 021): 30 days on, not overdue.
      openWithoutDueDate: 0,
      done: 1,
      doneWithoutDueDate: 1,
      doneWhenUnknown: 0,
      cancelled: 0,
    })
    // The items were saved just now; "now" is ten days on.
    expect(actionItems.medianOpenAge! / 86_400).toBeCloseTo(10, 0)
    expect(actionItems.byOwner.map((o) => [o.owner, o.open, o.overdue, o.done])).toEqual([
      ['Admin', 2, 0, 0],
      ['Eve', 1, 1, 1],
    ])
    expect(actionItems.byService).toMatchObject([{ service: 'checkout', open: 3, overdue: 1, done: 1 }])
  })

  it('close the loop: a waived check is linked to the incident that followed it', async () => {
    const { loop } = await insights(viewer)
    const item = loop.checklistItems.find((i) => i.id === learned)
    expect(item).toMatchObject({ sources: 1, launchCount: 2, waived: 1, passed: 1, failed: 0 })
    expect(item?.launches.map((l) => [l.name, l.status]).sort()).toEqual([
      ['Checkout v3', 'WAIVED'],
      ['Checkout v4', 'PASS'],
    ])
    expect(item?.incidentsAfterWaiver).toEqual([
      { number: pms.C, title: 'Slow search after launch', language: 'en', launch: 'checkout-v3' },
    ])
    // The other check caught something at v3 (FAIL): nothing followed a waiver of it.
    expect(loop.checklistItems.find((i) => i.id === plain)).toMatchObject({
      sources: 0,
      failed: 1,
      passed: 1,
      incidentsAfterWaiver: [],
    })
    expect(loop.lessons).toMatchObject({
      total: 2,
      withoutItem: 1,
      lessons: [{ number: pms.B, text: 'Review timeouts with the owning team' }],
    })
  })

  it('filter by period, service, tag, severity and launch', async () => {
    const total = async (query: Record<string, string>) => (await insights(viewer, query)).incidents.total
    expect(await total({ service: 'search' })).toBe(1)
    expect(await total({ tag: 'db' })).toBe(1)
    expect(await total({ severity: 'SEV2' })).toBe(2)
    expect(await total({ launch: 'checkout-v3' })).toBe(1)
    expect(await total({ from: '2026-03-01' })).toBe(1)
    expect(await total({ from: '2026-01-10', to: '2026-01-10' })).toBe(1) // both days inclusive
    expect(await total({ service: 'nowhere' })).toBe(0)
    // The launch filter narrows the checks too.
    const v4 = await insights(viewer, { launch: 'checkout-v4' })
    expect(v4.loop.checklistItems.find((i) => i.id === learned)).toMatchObject({
      launchCount: 1,
      waived: 0,
      incidentsAfterWaiver: [],
    })
  })

  it('agree with the postmortem list each figure links to', async () => {
    const listed = async (query: Record<string, string>) =>
      (
        await findPostmortems({
          actor: editor,
          input: findPostmortemsInput.parse({ status: 'PUBLISHED', ...query }),
        })
      ).items
        .map((p) => p.number)
        .sort()
    // The March bar of SEV2 and the SCHEMA category, as the page links them.
    expect(await listed({ severity: 'SEV2', from: '2026-03-01', to: '2026-03-31' })).toEqual([pms.C])
    expect(await listed({ category: 'SCHEMA' })).toEqual([pms.A])
    expect(await listed({ from: '2026-01-01', to: '2026-01-31' })).toEqual([pms.A, pms.B])
    expect(await listed({ service: 'checkout' })).toEqual([pms.A, pms.B])
  })

  it('count drafts only when an editor asks for all statuses', async () => {
    expect((await insights(editor)).incidents.total).toBe(3)
    expect((await insights(editor, { scope: 'all' })).incidents.total).toBe(4)
    const asViewer = await insights(viewer, { scope: 'all' })
    expect(asViewer.incidents.total).toBe(3)
    expect(asViewer.statuses).toEqual(['PUBLISHED'])
  })

  it('refuse bad filters with the field they concern', () => {
    const bad = insightsInput.safeParse({ from: '2026-13-01', to: '2026-01-01', severity: 'SEV9' })
    expect(bad.success).toBe(false)
    const fields = bad.error?.issues.map((i) => i.path.join('.')).sort()
    expect(fields).toEqual(['from', 'severity'])
    expect(insightsInput.safeParse({ from: '2026-02-01', to: '2026-01-01' }).error?.issues[0]).toMatchObject({
      path: ['to'],
      message: 'dateOrder',
    })
  })

  it('export the same figures as CSV, one number per line', async () => {
    const csv = insightsToCsv(await insights(viewer))
    const lines = csv.trim().split('\n')
    expect(lines[0]).toBe('figure,group,series,value')
    expect(lines).toContain('incidentsByMonth,2026-01,SEV1,1')
    expect(lines).toContain('timeToResolve,median_seconds,,14400')
    expect(lines).toContain('timeToResolve,missing,,1')
    expect(lines).toContain('actionItems,overdue,,1')
    expect(lines).toContain(`checklistItemWaived,Check indexes on production-size data,${learned},1`)
  })

  it('record when an item is done: on time or late against its due day, cleared when reopened', async () => {
    const onTime = randomUUID()
    const late = randomUUID()
    const items = (onTimeStatus: string) => [
      { id: onTime, title: 'Runbook', ownerId: editor.id, dueDate: '2099-01-01', status: onTimeStatus },
      { id: late, title: 'Backfill', ownerId: editor.id, dueDate: '2026-01-01', status: 'DONE' },
    ]
    const doc = { title: 'Billing outage', services: ['billing'], actionItems: items('DONE') }
    const number = await postmortem(doc)
    const billing = async () => (await insights(viewer, { service: 'billing' })).actionItems
    expect(await billing()).toMatchObject({ done: 2, doneOnTime: 1, doneLate: 1, doneWhenUnknown: 0 })
    const stamped = await db.actionItem.findUniqueOrThrow({ where: { id: late } })
    expect(stamped.doneAt).toBeInstanceOf(Date)

    // Reopening one clears its time; saving the other again (unchanged) keeps its time.
    const { version } = await db.postmortem.findUniqueOrThrow({ where: { number } })
    unwrap(
      await savePostmortem({
        actor: editor,
        number,
        input: {
          baseVersion: version,
          document: postmortemDocument.parse({
            symptom: 'It broke',
            rootCause: 'Because, as it turned out',
            ...doc,
            actionItems: items('OPEN'),
          }),
        },
      }),
    )
    expect(await billing()).toMatchObject({ open: 1, done: 1, doneOnTime: 0, doneLate: 1 })
    expect((await db.actionItem.findUniqueOrThrow({ where: { id: onTime } })).doneAt).toBeNull()
    expect((await db.actionItem.findUniqueOrThrow({ where: { id: late } })).doneAt).toEqual(stamped.doneAt)
  })

  it('are computed once for every reader, and afresh after anything they count changes, however it was written', async () => {
    // Without a clock, as the page and the API ask.
    const read = async (query: Record<string, string> = {}) =>
      unwrap(await getInsights({ actor: viewer, input: insightsInput.parse(query) }))
    const first = await read()
    const again = unwrap(await getInsights({ actor: editor, input: insightsInput.parse({}) }))
    expect(again.generatedAt).toEqual(first.generatedAt)
    expect(again).toEqual(first)

    // Through the use cases: a newly published incident is counted at once.
    const number = await postmortem({ title: 'Cache check', severity: 'SEV3', services: ['cache'] })
    const published = await read()
    expect(published.incidents.total).toBe(first.incidents.total + 1)
    expect(published.generatedAt.getTime()).toBeGreaterThan(first.generatedAt.getTime())

    // By plain SQL (an import, a restore, another app instance): a changed severity too.
    const sev1 = (await read({ severity: 'SEV1' })).incidents.total
    await db.$executeRaw`UPDATE "Postmortem" SET severity = 'SEV1' WHERE number = ${number}`
    expect((await read({ severity: 'SEV1' })).incidents.total).toBe(sev1 + 1)
    // An editor's "all statuses" is not a viewer's: each scope its own figures.
    expect((await read({ scope: 'all' })).statuses).toEqual(['PUBLISHED'])
  })
})
