import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../roles'
import { db } from '../db'
import { findMyWork } from '../checklists/my-work'
import { deriveFromYDoc } from '../collab/derive-from-ydoc'
import { listOf, newItem, toYDoc } from '@/lib/shared-document/postmortem-ydoc'
import { keyBetween } from '@/lib/shared-document/position-keys'
import { getInsights } from '../insights/get-insights'
import { insightsInput } from '../insights/schemas'
import { changePostmortemStatus } from './change-status'
import { closeActionItem } from './close-action-item'
import { createPostmortem } from './create-postmortem'
import { findDuePolicies } from './find-due-policies'
import { getPostmortem } from './get-postmortem'
import { savePostmortem } from './save-postmortem'
import {
  closeActionItemInput,
  duePoliciesInput,
  postmortemDocument,
  type PostmortemDocument,
} from './schemas'
import { setDuePolicies } from './set-due-policies'
import { person, unwrap } from '@/test/people'

/*
 * Due-date policies by severity and the rules for closing an action item (decision 021), on a
 * real database, through the use cases the pages and the JSON API call.
 */

let admin: Actor
let editor: Actor
let viewer: Actor
const day = (date: Date) => date.toISOString().slice(0, 10)
const inDays = (days: number, from = new Date()) => {
  const d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()))
  return day(new Date(d.getTime() + days * 86_400_000))
}

/** A postmortem with the given fields, saved once; its number, version and document. */
async function postmortem(fields: Record<string, unknown>) {
  const { number } = unwrap(
    await createPostmortem({ actor: editor, input: { title: 'Outage', launchId: null } }),
  )
  const document = postmortemDocument.parse({ title: 'Outage', ...fields })
  const saved = unwrap(await savePostmortem({ actor: editor, number, input: { baseVersion: 1, document } }))
  return { number, version: saved.version, document }
}
const action = (fields: Partial<PostmortemDocument['actionItems'][number]> = {}) => ({
  id: randomUUID(),
  title: 'Add the missing index',
  ownerId: editor.id,
  dueDate: null,
  status: 'OPEN' as const,
  link: null,
  ...fields,
})
const storedItem = (id: string) => db.actionItem.findUniqueOrThrow({ where: { id } })
const close = (actor: Actor, id: string, form: Record<string, string>) =>
  closeActionItem({ actor, id, input: closeActionItemInput.parse(form) })
const policies = (form: Record<string, string>) => duePoliciesInput.parse(form)

beforeAll(async () => {
  admin = await person('Admin', 'ADMIN')
  editor = await person('Eve', 'EDITOR')
  viewer = await person('Vic', 'VIEWER')
})

describe('due-date policies', () => {
  it('start from the defaults, and only admins change them', async () => {
    expect(
      (await findDuePolicies({ actor: viewer })).map((p) => [p.severity, p.dueDays, p.evidenceRequired]),
    ).toEqual([
      ['SEV1', 14, true],
      ['SEV2', 30, true],
      ['SEV3', 60, false],
      ['SEV4', null, false],
    ])
    const form = {
      'SEV1-days': '7',
      'SEV1-evidence': 'on',
      'SEV2-days': '21',
      'SEV3-days': '',
      'SEV4-days': '90',
    }
    expect(await setDuePolicies({ actor: editor, input: policies(form) })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    unwrap(await setDuePolicies({ actor: admin, input: policies(form) }))
    const now = await findDuePolicies({ actor: viewer })
    expect(now.map((p) => [p.severity, p.dueDays, p.evidenceRequired])).toEqual([
      ['SEV1', 7, true],
      ['SEV2', 21, false],
      ['SEV3', null, false],
      ['SEV4', 90, false],
    ])
    expect(now[0]!.updatedBy).toBe('Admin')
  })

  it('refuse a number of days that is not a whole number of days from 1 to 3650', () => {
    for (const bad of ['0', '-3', '1.5', 'soon', '4000']) {
      const parsed = duePoliciesInput.safeParse({ 'SEV1-days': bad })
      expect(parsed.success).toBe(false)
      expect(parsed.error!.issues[0]).toMatchObject({ path: ['SEV1-days'], message: 'invalidDays' })
    }
  })

  it("give an item saved without a due date its severity's due date, kept at later saves", async () => {
    unwrap(
      await setDuePolicies({ actor: admin, input: policies({ 'SEV1-days': '14', 'SEV1-evidence': 'on' }) }),
    )
    const withDate = action({ dueDate: '2030-05-01' })
    const without = action()
    const pm = await postmortem({ severity: 'SEV1', actionItems: [withDate, without] })
    expect(day((await storedItem(without.id)).dueDate!)).toBe(inDays(14))
    expect(day((await storedItem(withDate.id)).dueDate!)).toBe('2030-05-01')

    // The editor still holds no date and saves again: the date stays.
    const saved = unwrap(
      await savePostmortem({
        actor: editor,
        number: pm.number,
        input: { baseVersion: pm.version, document: { ...pm.document, title: 'Outage at checkout' } },
      }),
    )
    expect(saved.version).toBe(pm.version + 1)
    expect(day((await storedItem(without.id)).dueDate!)).toBe(inDays(14))

    // Counted from the item's creation, not from the save.
    await db.actionItem.update({
      where: { id: without.id },
      data: { createdAt: new Date('2026-01-01T09:00:00Z') },
    })
    unwrap(
      await savePostmortem({
        actor: editor,
        number: pm.number,
        input: { baseVersion: saved.version, document: { ...pm.document, title: 'Outage again' } },
      }),
    )
    expect(day((await storedItem(without.id)).dueDate!)).toBe('2026-01-15')
    const view = unwrap(
      await getPostmortem({ actor: editor, number: pm.number, now: new Date('2026-01-20T12:00:00Z') }),
    )
    expect(view.followThrough.items[without.id]!.daysOverdue).toBe(5)
    expect(view.followThrough.items[withDate.id]!.daysOverdue).toBeNull()
    // On its owner's My work, with how late it is and what closing it will ask for.
    const work = await findMyWork({ actor: editor, now: new Date('2026-01-20T12:00:00Z') })
    expect(work.actionItems.find((a) => a.id === without.id)).toMatchObject({
      daysOverdue: 5,
      evidenceRequired: true,
    })
    expect(work.actionItems.find((a) => a.id === withDate.id)?.daysOverdue).toBeNull()
  })

  it('apply to items written through the shared document (live editing) too', async () => {
    const pm = await postmortem({ severity: 'SEV1' })
    const { id } = await db.postmortem.findUniqueOrThrow({
      where: { number: pm.number },
      select: { id: true },
    })
    const ydoc = toYDoc(pm.document)
    // The first derive records the shared document's state; the edit comes after.
    expect(await deriveFromYDoc({ actor: editor, postmortemId: id, ydoc })).toMatchObject({ ok: true })
    const item = action()
    listOf(ydoc, 'actionItems').set(item.id, newItem('actionItems', item, keyBetween('', null)))
    unwrap(await deriveFromYDoc({ actor: editor, postmortemId: id, ydoc }))
    expect(day((await storedItem(item.id)).dueDate!)).toBe(inDays(14))

    listOf(ydoc, 'actionItems').get(item.id)!.set('status', 'CANCELLED')
    expect(await deriveFromYDoc({ actor: editor, postmortemId: id, ydoc })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { 'actionItems.0.status': 'closeWithReason' } },
    })
    expect((await storedItem(item.id)).status).toBe('OPEN')
  })

  it('leave items without a due date where there is no policy', async () => {
    const noSeverity = action()
    await postmortem({ actionItems: [noSeverity] })
    expect((await storedItem(noSeverity.id)).dueDate).toBeNull()
  })
})

describe('closing an action item', () => {
  it('needs evidence where the policy says so: a link, or a before → after figure', async () => {
    const item = action()
    const pm = await postmortem({ severity: 'SEV1', services: ['evidence'], actionItems: [item] })
    expect(await close(editor, item.id, { outcome: 'DONE' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { evidenceLink: 'closeEvidenceRequired' } },
    })
    const half = closeActionItemInput.safeParse({ outcome: 'DONE', evidenceBefore: '0.6/s' })
    expect(half.error?.issues[0]).toMatchObject({ path: ['evidenceAfter'], message: 'figureBothSides' })
    expect(
      closeActionItemInput.safeParse({ outcome: 'DONE', evidenceLink: 'javascript:alert(1)' }).success,
    ).toBe(false)
    expect((await storedItem(item.id)).status).toBe('OPEN')

    expect(
      await close(viewer, item.id, { outcome: 'DONE', evidenceLink: 'https://grafana.example.com/d/1' }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    unwrap(await close(editor, item.id, { outcome: 'DONE', evidenceBefore: '0.6/s', evidenceAfter: '80/s' }))
    const stored = await storedItem(item.id)
    expect(stored).toMatchObject({
      status: 'DONE',
      evidenceBefore: '0.6/s',
      evidenceAfter: '80/s',
      closedById: editor.id,
    })
    expect(stored.doneAt).not.toBeNull()

    const view = unwrap(await getPostmortem({ actor: editor, number: pm.number }))
    expect(view.document.actionItems[0]!.status).toBe('DONE')
    expect(view.followThrough.items[item.id]).toMatchObject({
      closedBy: 'Eve',
      evidence: { link: null, before: '0.6/s', after: '80/s' },
    })
    const insights = unwrap(
      await getInsights({ actor: editor, input: insightsInput.parse({ service: 'evidence', scope: 'all' }) }),
    )
    expect(insights.actionItems).toMatchObject({ done: 1, doneWithEvidence: 1, doneOnTime: 1, overdue: 0 })
    // Closing moved the version on: an editor still holding the open item gets a conflict.
    expect(
      await savePostmortem({
        actor: editor,
        number: pm.number,
        input: { baseVersion: pm.version, document: pm.document },
      }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await close(editor, item.id, { outcome: 'WONT_DO', reason: 'Twice' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    })
  })

  it("as won't do needs a reason", async () => {
    const item = action()
    await postmortem({ severity: 'SEV3', actionItems: [item] })
    expect(
      closeActionItemInput.safeParse({ outcome: 'WONT_DO', reason: '  ' }).error?.issues[0],
    ).toMatchObject({
      path: ['reason'],
      message: 'wontDoReasonRequired',
    })
    unwrap(await close(editor, item.id, { outcome: 'WONT_DO', reason: 'The service is being retired.' }))
    expect(await storedItem(item.id)).toMatchObject({
      status: 'CANCELLED',
      wontDoReason: 'The service is being retired.',
      doneAt: null,
    })
  })

  it('without evidence where the policy does not ask for it', async () => {
    const item = action()
    await postmortem({ severity: 'SEV3', actionItems: [item] })
    unwrap(await close(editor, item.id, { outcome: 'DONE' }))
    expect((await storedItem(item.id)).status).toBe('DONE')
    expect(await close(editor, randomUUID(), { outcome: 'DONE' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
  })

  it('through a document save is refused where it needs evidence or a reason, and allowed elsewhere', async () => {
    const sev1 = action()
    const sev1Cancelled = action()
    const pm = await postmortem({ severity: 'SEV1', actionItems: [sev1, sev1Cancelled] })
    const refused = await savePostmortem({
      actor: editor,
      number: pm.number,
      input: {
        baseVersion: pm.version,
        document: {
          ...pm.document,
          actionItems: [
            { ...pm.document.actionItems[0]!, status: 'DONE' },
            { ...pm.document.actionItems[1]!, status: 'CANCELLED' },
          ],
        },
      },
    })
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        fields: { 'actionItems.0.status': 'closeWithEvidence', 'actionItems.1.status': 'closeWithReason' },
      },
    })
    expect((await storedItem(sev1.id)).status).toBe('OPEN')

    // An item written down already done (a retro written after the fact) is not a closing.
    const alreadyDone = action({ status: 'DONE' })
    await postmortem({ severity: 'SEV1', actionItems: [alreadyDone] })
    expect((await storedItem(alreadyDone.id)).status).toBe('DONE')

    const sev3 = action()
    const low = await postmortem({ severity: 'SEV3', actionItems: [sev3] })
    unwrap(
      await savePostmortem({
        actor: editor,
        number: low.number,
        input: {
          baseVersion: low.version,
          document: { ...low.document, actionItems: [{ ...low.document.actionItems[0]!, status: 'DONE' }] },
        },
      }),
    )
    expect((await storedItem(sev3.id)).status).toBe('DONE')
  })

  it('is undone by reopening the item, which clears its evidence', async () => {
    const item = action()
    const pm = await postmortem({ severity: 'SEV1', actionItems: [item] })
    unwrap(await close(editor, item.id, { outcome: 'DONE', evidenceLink: 'https://example.com/pr/1' }))
    const view = unwrap(await getPostmortem({ actor: editor, number: pm.number }))
    unwrap(
      await savePostmortem({
        actor: editor,
        number: pm.number,
        input: {
          baseVersion: view.version,
          document: {
            ...view.document,
            actionItems: [{ ...view.document.actionItems[0]!, status: 'OPEN' }],
          },
        },
      }),
    )
    expect(await storedItem(item.id)).toMatchObject({
      status: 'OPEN',
      evidenceLink: null,
      closedAt: null,
      doneAt: null,
    })
  })
})

describe("an owner's My work", () => {
  it('shows the most urgent open items first, counts them all, and leaves out what the person may not read', async () => {
    const owner = await person('Busy Owner', 'VIEWER')
    const mine = (fields: Partial<PostmortemDocument['actionItems'][number]>) =>
      action({ ownerId: owner.id, ...fields })
    const published = await postmortem({
      symptom: 'Checkout failed',
      rootCause: 'A missing index',
      actionItems: [
        mine({ title: 'Due next month', dueDate: inDays(30) }),
        mine({ title: 'No due date' }),
        mine({ title: 'Overdue', dueDate: inDays(-3) }),
        mine({ title: 'Done already', status: 'DONE', dueDate: inDays(-9) }),
        mine({ title: 'Due tomorrow', dueDate: inDays(1) }),
      ],
    })
    for (const to of ['IN_REVIEW', 'PUBLISHED'] as const)
      unwrap(await changePostmortemStatus({ actor: editor, number: published.number, to }))
    // A draft's items are not the viewer's to see yet.
    await postmortem({ actionItems: [mine({ title: 'In a draft', dueDate: inDays(-30) })] })

    const first = await findMyWork({ actor: owner, limit: 2 })
    expect(first.actionItems.map((a) => a.title)).toEqual(['Overdue', 'Due tomorrow'])
    expect(first.totals.actionItems).toBe(4)
    const every = await findMyWork({ actor: owner })
    expect(every.actionItems.map((a) => a.title)).toEqual([
      'Overdue',
      'Due tomorrow',
      'Due next month',
      'No due date',
    ])
    expect(every.totals.actionItems).toBe(4)
  })
})
