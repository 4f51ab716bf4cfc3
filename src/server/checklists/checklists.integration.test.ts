import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../roles'
import { db } from '../db'
import { insertLaunch } from '../launches/create-launch'
import { changeLaunchStatus } from './change-launch-status'
import { createPostmortem } from '../postmortems/create-postmortem'
import { savePostmortem } from '../postmortems/save-postmortem'
import { emptyDocument, type PostmortemDocument } from '../postmortems/schemas'
import { addAdhocCheck } from './add-adhoc-check'
import { addChecksFromTemplate } from './add-checks-from-template'
import { addSubChecks } from './add-sub-checks'
import { assignOwner } from './assign-owner'
import { pullNewerWording } from './pull-newer-wording'
import { setCheckStatus } from './set-check-status'
import { setSubCheckDone } from './set-sub-check-done'
import { runGate } from '../../../scripts/lib/gate'
import { getLaunchReview, getReadinessReport } from './launch-review'
import { findLessonItems } from './find-lesson-items'
import { getLessonDraft } from './get-lesson-draft'
import { turnLessonIntoItem } from './turn-lesson-into-item'
import { checkStatusInput, itemInput } from './schemas'
import { addItem } from './add-item'
import { moveItem } from './move-item'
import { reorderItems } from './reorder-items'
import { setItemArchived } from './set-item-archived'
import { updateItem } from './update-item'
import { createTemplate } from './create-template'
import { getOtherSkips, getTemplate } from './get-template'
import { person, unwrap } from '@/test/people'

let admin: Actor
let editor: Actor
let viewer: Actor

const item = (text: string, extra: object = {}) => itemInput.parse({ text, required: true, ...extra })
const status = (s: object) => checkStatusInput.parse(s)

async function newLaunch(name: string) {
  return db.$transaction((tx) =>
    insertLaunch(tx, { name, description: '', plannedAt: null, launchedAt: null }),
  )
}

async function templateWith(...texts: string[]) {
  const { id } = unwrap(
    await createTemplate({ actor: editor, input: { name: `T ${randomUUID()}`, description: '' } }),
  )
  const ids = []
  for (const text of texts)
    ids.push(unwrap(await addItem({ actor: editor, templateId: id, input: item(text) })).id)
  return { id, ids }
}

async function checksOf(launchId: string) {
  return (await getLaunchReview({ actor: editor, launchId })).checks
}

/** A postmortem the editor wrote: `document` over an empty one with its title and launch. */
async function written(title: string, launchId: string | null, document: Partial<PostmortemDocument>) {
  const pm = unwrap(await createPostmortem({ actor: editor, input: { title, launchId } }))
  const input = { baseVersion: 1, document: { ...emptyDocument(title, launchId), ...document } }
  unwrap(await savePostmortem({ actor: editor, number: pm.number, input }))
  return pm
}

/** A launch in review with a new template's items as its checks, each owned by the editor. */
async function launchInReview(name: string, ...texts: string[]) {
  const t = await templateWith(...texts)
  return { t, ...(await reviewOf(t.id, name)) }
}

/** A new launch in review with a template's items as its checks, each owned by the editor. */
async function reviewOf(templateId: string, name: string) {
  const launch = await newLaunch(name)
  unwrap(await addChecksFromTemplate({ actor: editor, slug: launch.slug, templateId }))
  const checks = await checksOf(launch.id)
  for (const c of checks) unwrap(await assignOwner({ actor: editor, checkId: c.id, ownerId: editor.id }))
  unwrap(
    await changeLaunchStatus({ actor: editor, slug: launch.slug, input: { to: 'IN_REVIEW', reason: '' } }),
  )
  return { launch, checks }
}

beforeAll(async () => {
  admin = await person('Admin', 'ADMIN')
  editor = await person('Eve', 'EDITOR')
  viewer = await person('Vic', 'VIEWER')
})

describe('templates', () => {
  it('keep their order, move items by one place and bump versions on every change', async () => {
    const t = await templateWith('A', 'B', 'C')
    unwrap(await moveItem({ actor: editor, itemId: t.ids[2]!, direction: 'up' }))
    const view = unwrap(await getTemplate({ actor: editor, id: t.id }))
    expect(view.items.map((i) => i.text)).toEqual(['A', 'C', 'B'])
    expect(view.version).toBe(5) // created 1, three items, one move

    unwrap(await updateItem({ actor: editor, itemId: t.ids[0]!, input: item('A, reworded') }))
    const after = unwrap(await getTemplate({ actor: editor, id: t.id }))
    expect(after.items[0]).toMatchObject({ text: 'A, reworded', version: 2 })
  })

  it('move an item past an archived one, which keeps its place', async () => {
    const t = await templateWith('A', 'B', 'C')
    unwrap(await setItemArchived({ actor: editor, itemId: t.ids[1]!, archived: true }))
    unwrap(await moveItem({ actor: editor, itemId: t.ids[2]!, direction: 'up' }))
    const shown = async () =>
      unwrap(await getTemplate({ actor: editor, id: t.id }))
        .items.filter((i) => !i.archivedAt)
        .map((i) => i.text)
    // C traded places with A, the nearest item shown: one click, one visible move.
    expect(await shown()).toEqual(['C', 'A'])
    unwrap(await moveItem({ actor: editor, itemId: t.ids[0]!, direction: 'up' }))
    expect(await shown()).toEqual(['A', 'C'])
    // B kept its place between them, and comes back there.
    unwrap(await setItemArchived({ actor: editor, itemId: t.ids[1]!, archived: false }))
    expect(await shown()).toEqual(['A', 'B', 'C'])
  })

  it('reorder the items shown around an archived one, which keeps its place', async () => {
    const t = await templateWith('A', 'B', 'C')
    unwrap(await setItemArchived({ actor: editor, itemId: t.ids[1]!, archived: true }))
    // What a drag sends: the items the list shows, in their new order.
    unwrap(await reorderItems({ actor: editor, templateId: t.id, ids: [t.ids[2]!, t.ids[0]!] }))
    unwrap(await setItemArchived({ actor: editor, itemId: t.ids[1]!, archived: false }))
    const view = unwrap(await getTemplate({ actor: editor, id: t.id }))
    expect(view.items.map((i) => i.text)).toEqual(['C', 'B', 'A'])
  })

  it('refuse changes from viewers', async () => {
    expect(await createTemplate({ actor: viewer, input: { name: 'x', description: '' } })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
  })
})

describe('a lesson turned into a checklist item', () => {
  it('links both ways and names the incident that taught it', async () => {
    const lessonId = randomUUID()
    const pm = await written('任务上报慢', null, {
      rootCause: 'uid 没有建索引。后来加上了。',
      lessons: [{ id: lessonId, text: '上线前在生产规模数据上检查索引' }],
    })
    const draft = unwrap(await getLessonDraft({ actor: editor, number: pm.number, lessonId }))
    expect(draft.text).toBe('上线前在生产规模数据上检查索引')
    expect(draft.rationale).toBe('上线前在生产规模数据上检查索引')

    const t = await templateWith()
    const { id } = unwrap(
      await turnLessonIntoItem({
        actor: editor,
        number: pm.number,
        lessonId,
        input: { templateId: t.id, ...item(draft.text, { rationale: draft.rationale }) },
      }),
    )
    const view = unwrap(await getTemplate({ actor: editor, id: t.id }))
    expect(view.items[0]).toMatchObject({
      id,
      sources: [{ number: pm.number, title: '任务上报慢', rootCause: 'uid 没有建索引。' }],
    })
    const { id: postmortemId } = await db.postmortem.findUniqueOrThrow({ where: { number: pm.number } })
    const lessonItems = await findLessonItems({ actor: editor, postmortemId })
    expect(lessonItems[lessonId]?.map((i) => i.id)).toEqual([id])
    // The postmortem is a draft: to a viewer it does not exist, nor do its lessons' items.
    expect(await findLessonItems({ actor: viewer, postmortemId })).toEqual({})
  })
})

describe('a launch review', () => {
  it('snapshots template items: a later rewording shows as newer and is pulled per item', async () => {
    const t = await templateWith('Check indexes on production-size data', 'Hosts match')
    const launch = await newLaunch('Snapshot launch')
    expect(
      unwrap(await addChecksFromTemplate({ actor: editor, slug: launch.slug, templateId: t.id })),
    ).toEqual({ added: 2 })
    // Adding the same template again adds nothing twice.
    expect(
      unwrap(await addChecksFromTemplate({ actor: editor, slug: launch.slug, templateId: t.id })),
    ).toEqual({ added: 0 })

    unwrap(
      await updateItem({
        actor: editor,
        itemId: t.ids[0]!,
        input: item('Check indexes on a production copy'),
      }),
    )
    const checks = await checksOf(launch.id)
    let first = checks[0]
    const second = checks[1]
    expect(first).toMatchObject({
      text: 'Check indexes on production-size data',
      newer: { text: 'Check indexes on a production copy' },
    })
    expect(second?.newer).toBeNull()

    unwrap(await pullNewerWording({ actor: editor, checkId: first!.id }))
    first = (await checksOf(launch.id))[0]
    expect(first).toMatchObject({ text: 'Check indexes on a production copy', newer: null })
  })

  it('cannot start until every check has one owner, and only editors may own checks', async () => {
    const t = await templateWith('One', 'Two')
    const launch = await newLaunch('Owner rule launch')
    unwrap(await addChecksFromTemplate({ actor: editor, slug: launch.slug, templateId: t.id }))
    const [one, two] = await checksOf(launch.id)
    unwrap(await assignOwner({ actor: editor, checkId: one!.id, ownerId: editor.id }))
    expect(
      await changeLaunchStatus({ actor: editor, slug: launch.slug, input: { to: 'IN_REVIEW', reason: '' } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: 'ownersMissing' },
    })
    expect(await assignOwner({ actor: editor, checkId: two!.id, ownerId: viewer.id })).toMatchObject({
      ok: false,
      error: { fields: { ownerId: 'ownerMustEdit' } },
    })
    // Statuses wait for the review.
    expect(
      await setCheckStatus({ actor: editor, checkId: one!.id, input: status({ status: 'NA' }) }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    })
    unwrap(await assignOwner({ actor: editor, checkId: two!.id, ownerId: admin.id }))
    unwrap(
      await changeLaunchStatus({ actor: editor, slug: launch.slug, input: { to: 'IN_REVIEW', reason: '' } }),
    )
  })

  it('becomes ready when required checks pass, are waived or not applicable; sub-checks gate PASS', async () => {
    const t = await templateWith('Schema change verified in production', 'Cache rebuild reads the primary')
    const launch = await newLaunch('Readiness launch')
    unwrap(await addChecksFromTemplate({ actor: editor, slug: launch.slug, templateId: t.id }))
    unwrap(
      await addAdhocCheck({
        actor: editor,
        slug: launch.slug,
        input: item('Tell support', { required: false }),
      }),
    )
    const [schema, cache, adhoc] = await checksOf(launch.id)
    for (const c of [schema!, cache!, adhoc!])
      unwrap(await assignOwner({ actor: editor, checkId: c.id, ownerId: editor.id }))
    unwrap(await addSubChecks({ actor: editor, checkId: schema!.id, lines: ['t_user', 't_task', 't_user'] }))
    unwrap(
      await changeLaunchStatus({ actor: editor, slug: launch.slug, input: { to: 'IN_REVIEW', reason: '' } }),
    )

    let report = unwrap(await getReadinessReport({ actor: viewer, launch: launch.slug }))
    expect(report).toMatchObject({ ready: false, counts: { pending: 3 } })
    expect(report.blocking).toEqual([
      { item: 'Schema change verified in production', owner: 'Eve', status: 'PENDING' },
      { item: 'Cache rebuild reads the primary', owner: 'Eve', status: 'PENDING' },
    ])

    expect(() => status({ status: 'WAIVED' })).toThrow() // a waiver needs a reason
    unwrap(
      await setCheckStatus({
        actor: editor,
        checkId: cache!.id,
        input: status({ status: 'WAIVED', waiverReason: 'No cache in 1.2' }),
      }),
    )
    const pass = status({ status: 'PASS', evidence: 'https://ci.example.com/run/42' })
    expect(await setCheckStatus({ actor: editor, checkId: schema!.id, input: pass })).toMatchObject({
      ok: false,
      error: { message: 'subChecksOpen' },
    })
    const subs = (await checksOf(launch.id))[0]!.subChecks
    expect(subs.map((s) => s.label)).toEqual(['t_user', 't_task'])
    for (const s of subs) unwrap(await setSubCheckDone({ actor: editor, subCheckId: s.id, done: true }))
    unwrap(await setCheckStatus({ actor: editor, checkId: schema!.id, input: pass }))

    report = unwrap(await getReadinessReport({ actor: viewer, launch: launch.id }))
    expect(report).toMatchObject({ ready: true, blocking: [], counts: { pass: 1, waived: 1, pending: 1 } })
    const [passed] = await checksOf(launch.id)
    expect(passed).toMatchObject({
      status: 'PASS',
      evidence: 'https://ci.example.com/run/42',
      checkedBy: { name: 'Eve' },
    })

    // Unticking a sub-check reopens the passed check, and the launch is blocked again.
    unwrap(await setSubCheckDone({ actor: editor, subCheckId: subs[0]!.id, done: false }))
    expect(unwrap(await getReadinessReport({ actor: viewer, launch: launch.slug })).ready).toBe(false)
  })

  it("show on their template's item where they were waived and the incidents that followed there", async () => {
    const {
      t,
      launch,
      checks: [check],
    } = await launchInReview('Waived launch', 'Cache rebuild reads the primary')
    const waiver = status({ status: 'WAIVED', waiverReason: 'No replica yet' })
    unwrap(await setCheckStatus({ actor: editor, checkId: check!.id, input: waiver }))
    const pm = await written('Stale cache', launch.id, {
      rootCause: 'The cache rebuild read a replica, not the primary.',
    })
    const skipped = async (actor: Actor) => unwrap(await getTemplate({ actor, id: t.id })).items[0]!.skippedAt
    const waived = {
      launch: { name: 'Waived launch', slug: launch.slug },
      status: 'WAIVED',
      reason: 'No replica yet',
    }
    const incident = { number: pm.number, title: 'Stale cache' }
    expect(await skipped(editor)).toEqual({
      launches: 1,
      incidents: 1,
      shown: [{ ...waived, incidents: [incident], moreIncidents: 0 }],
      others: 0,
    })
    // A draft is not a viewer's to see; once published it is, at the next read of the kept answer.
    expect(await skipped(viewer)).toEqual({
      launches: 1,
      incidents: 0,
      shown: [{ ...waived, incidents: [], moreIncidents: 0 }],
      others: 0,
    })
    await db.postmortem.update({ where: { number: pm.number }, data: { status: 'PUBLISHED' } })
    expect((await skipped(viewer)).shown[0]!.incidents).toEqual([incident])
  })

  it('list the other launches that skipped an item only when asked, each launch once', async () => {
    const t = await templateWith('Canary before the rollout')
    const names = [1, 2, 3, 4, 5].map((n) => `Skipping ${n} ${randomUUID().slice(0, 8)}`)
    for (const name of names) {
      const {
        checks: [check],
      } = await reviewOf(t.id, name)
      const waiver = status({ status: 'WAIVED', waiverReason: 'Next time' })
      unwrap(await setCheckStatus({ actor: editor, checkId: check!.id, input: waiver }))
    }
    const card = unwrap(await getTemplate({ actor: viewer, id: t.id })).items[0]!.skippedAt
    expect(card).toMatchObject({ launches: 5, incidents: 0, others: 2 })
    expect(card.shown).toHaveLength(3)
    const others = unwrap(await getOtherSkips({ actor: viewer, templateId: t.id, itemId: t.ids[0]! }))
    expect([...card.shown, ...others].map((s) => s.launch.name).toSorted()).toEqual(names.toSorted())
    expect(await getOtherSkips({ actor: viewer, templateId: t.id, itemId: randomUUID() })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
  })

  it('cannot be launched while not ready, unless an admin gives a reason', async () => {
    const {
      launch,
      checks: [only],
    } = await launchInReview('Override launch', 'Only check')
    const launchIt = (actor: Actor, reason = '') =>
      changeLaunchStatus({ actor, slug: launch.slug, input: { to: 'LAUNCHED', reason } })
    expect(await launchIt(editor, 'please')).toMatchObject({ ok: false, error: { message: 'notReady' } })
    expect(await launchIt(admin)).toMatchObject({
      ok: false,
      error: { fields: { reason: 'overrideReasonRequired' } },
    })
    unwrap(await launchIt(admin, 'Hotfix for a live outage'))
    const row = await db.launch.findUniqueOrThrow({ where: { id: launch.id } })
    expect(row).toMatchObject({
      status: 'LAUNCHED',
      overrideReason: 'Hotfix for a live outage',
      overrideById: admin.id,
    })
    // A launched launch is frozen.
    expect(
      await setCheckStatus({ actor: editor, checkId: only!.id, input: status({ status: 'NA' }) }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    })
  })

  it('changes nothing for a viewer', async () => {
    const t = await templateWith('Viewer check')
    const launch = await newLaunch('Viewer launch')
    expect(await addChecksFromTemplate({ actor: viewer, slug: launch.slug, templateId: t.id })).toMatchObject(
      {
        ok: false,
        error: { code: 'FORBIDDEN' },
      },
    )
    unwrap(await addChecksFromTemplate({ actor: editor, slug: launch.slug, templateId: t.id }))
    const [c] = await checksOf(launch.id)
    expect(await assignOwner({ actor: viewer, checkId: c!.id, ownerId: viewer.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(
      await changeLaunchStatus({ actor: viewer, slug: launch.slug, input: { to: 'CANCELLED', reason: '' } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
  })
})

describe('the deploy gate (npm run gate, on the local database)', () => {
  it('exits 1 with what blocks the launch, then 0 once it is ready', async () => {
    const t = await templateWith('Gate check')
    const launch = await newLaunch('Gate launch')
    unwrap(await addChecksFromTemplate({ actor: editor, slug: launch.slug, templateId: t.id }))
    const [c] = await checksOf(launch.id)
    unwrap(await assignOwner({ actor: editor, checkId: c!.id, ownerId: editor.id }))
    unwrap(
      await changeLaunchStatus({ actor: editor, slug: launch.slug, input: { to: 'IN_REVIEW', reason: '' } }),
    )

    const before = await runGate({ launch: launch.slug, json: true })
    expect(before.exitCode).toBe(1)
    expect(JSON.parse(before.output)).toMatchObject({
      launch: { slug: launch.slug, name: 'Gate launch' },
      ready: false,
      counts: { pass: 0, fail: 0, na: 0, waived: 0, pending: 1 },
      blocking: [{ item: 'Gate check', owner: 'Eve', status: 'PENDING' }],
    })
    expect((await runGate({ launch: launch.slug, json: false })).output).toContain(
      '✗ Gate check — Eve — PENDING',
    )

    unwrap(
      await setCheckStatus({
        actor: editor,
        checkId: c!.id,
        input: status({ status: 'NA', waiverReason: 'No schema change' }),
      }),
    )
    const after = await runGate({ launch: launch.id, json: true })
    expect(after.exitCode).toBe(0)
    expect(JSON.parse(after.output)).toMatchObject({ ready: true, blocking: [], counts: { na: 1 } })

    expect(await runGate({ launch: 'Gate launch', json: false })).toMatchObject({
      exitCode: 0,
      output: expect.stringContaining(`Gate launch (${launch.slug}): READY`),
    })
    expect(await runGate({ launch: 'no-such-launch', json: true })).toEqual({
      exitCode: 2,
      output: JSON.stringify({
        error: 'NOT_FOUND',
        message: 'No launch has the slug or name “no-such-launch”.',
      }),
    })
  })
})
