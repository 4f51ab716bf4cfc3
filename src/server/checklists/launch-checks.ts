import 'server-only'
import { hasRole, type Actor } from '../roles'
import { db, type Tx } from '../db'
import { checklistOpen, checksJudged, checksRemovable, type LaunchStatus } from '../launches/launch-status'
import { err, ok, type Result } from '../result'
import type { CheckStatusInput, ItemInput } from './schemas'
import { LIMITS } from './schemas'

/*
 * A launch's checklist: snapshots of template items (later template edits never change a
 * launch silently) plus ad-hoc checks. Editors build it while the launch is PLANNED or in
 * review; statuses and sub-checks change only in review; a launched or cancelled launch is
 * frozen. Viewers change nothing.
 */

/** Runs a change to a launch's checklist while the launch is open (planned or in review). */
async function changeLaunch<T>(
  actor: Actor,
  slug: string,
  change: (tx: Tx, launch: { id: string }) => Promise<Result<T>>,
): Promise<Result<T>> {
  if (!hasRole(actor, 'EDITOR')) return err('FORBIDDEN')
  return db.$transaction(async (tx) => {
    const launch = await tx.launch.findUnique({ where: { slug }, select: { id: true, status: true } })
    if (!launch) return err('NOT_FOUND')
    if (!checklistOpen(launch.status)) return err('INVALID_STATE', { message: 'launchClosed' })
    return change(tx, launch)
  })
}

/** Runs a change to one check after the role and launch-state rules. */
async function changeCheck<T>(
  actor: Actor,
  checkId: string,
  allows: (status: LaunchStatus) => boolean,
  change: (tx: Tx, check: { id: string; launchId: string; status: string }) => Promise<Result<T>>,
): Promise<Result<T>> {
  if (!hasRole(actor, 'EDITOR')) return err('FORBIDDEN')
  return db.$transaction(async (tx) => {
    const check = await tx.launchCheck.findUnique({
      where: { id: checkId },
      select: { id: true, launchId: true, status: true, launch: { select: { status: true } } },
    })
    if (!check) return err('NOT_FOUND')
    if (!allows(check.launch.status))
      return err('INVALID_STATE', {
        message:
          checklistOpen(check.launch.status) && !checksJudged(check.launch.status)
            ? 'reviewNotStarted'
            : 'launchClosed',
      })
    return change(tx, check)
  })
}

async function nextPosition(tx: Tx, launchId: string) {
  return tx.launchCheck.count({ where: { launchId } })
}

/** Copies a template's current items into the launch; items already on it are skipped. */
export async function addChecksFromTemplate({
  actor,
  slug,
  templateId,
}: {
  actor: Actor
  slug: string
  templateId: string
}): Promise<Result<{ added: number }>> {
  return changeLaunch(actor, slug, async (tx, launch) => {
    const template = await tx.checklistTemplate.findUnique({
      where: { id: templateId },
      include: { items: { where: { archivedAt: null }, orderBy: { position: 'asc' } } },
    })
    if (!template || template.archivedAt) return err('NOT_FOUND')
    const present = new Set(
      (
        await tx.launchCheck.findMany({
          where: { launchId: launch.id, checklistItemId: { in: template.items.map((i) => i.id) } },
          select: { checklistItemId: true },
        })
      ).map((c) => c.checklistItemId),
    )
    const items = template.items.filter((i) => !present.has(i.id))
    let position = await nextPosition(tx, launch.id)
    if (position + items.length > LIMITS.items) return err('INVALID_INPUT', { message: 'tooMany' })
    await tx.launchCheck.createMany({
      data: items.map((item) => ({
        launchId: launch.id,
        checklistItemId: item.id,
        checklistItemVersion: item.version,
        position: position++,
        text: item.text,
        rationale: item.rationale,
        category: item.category,
        required: item.required,
      })),
    })
    return ok({ added: items.length })
  })
}

/** A check for this launch only, not from any template. */
export async function addAdhocCheck({
  actor,
  slug,
  input,
}: {
  actor: Actor
  slug: string
  input: ItemInput
}): Promise<Result<{ id: string }>> {
  return changeLaunch(actor, slug, async (tx, launch) => {
    const position = await nextPosition(tx, launch.id)
    if (position >= LIMITS.items) return err('INVALID_INPUT', { message: 'tooMany' })
    const { id } = await tx.launchCheck.create({ data: { launchId: launch.id, position, ...input } })
    return ok({ id })
  })
}

/** Removes a check while the launch is still being planned. */
export async function removeCheck({ actor, checkId }: { actor: Actor; checkId: string }) {
  return changeCheck(actor, checkId, checksRemovable, async (tx, check) => {
    await tx.launchCheck.delete({ where: { id: check.id } })
    return ok(null)
  })
}

/** Exactly one owner per check, who can tick it (an editor or admin). */
export async function assignOwner({
  actor,
  checkId,
  ownerId,
}: {
  actor: Actor
  checkId: string
  ownerId: string
}): Promise<Result<null>> {
  return changeCheck(actor, checkId, checklistOpen, async (tx, check) => {
    const owner = await tx.user.findUnique({ where: { id: ownerId }, select: { role: true } })
    if (!owner) return err('INVALID_INPUT', { fields: { ownerId: 'unknownUser' } })
    if (!hasRole(owner, 'EDITOR')) return err('INVALID_INPUT', { fields: { ownerId: 'ownerMustEdit' } })
    await tx.launchCheck.update({ where: { id: check.id }, data: { ownerId } })
    return ok(null)
  })
}

/** Sets a check's verdict; PASS needs every sub-check done; who and when are recorded. */
export async function setCheckStatus({
  actor,
  checkId,
  input,
}: {
  actor: Actor
  checkId: string
  input: CheckStatusInput
}): Promise<Result<null>> {
  return changeCheck(actor, checkId, checksJudged, async (tx, check) => {
    if (input.status === 'PASS') {
      const open = await tx.launchSubCheck.count({ where: { checkId: check.id, done: false } })
      if (open) return err('INVALID_STATE', { message: 'subChecksOpen', fields: { status: 'subChecksOpen' } })
    }
    const pending = input.status === 'PENDING'
    await tx.launchCheck.update({
      where: { id: check.id },
      data: {
        status: input.status,
        evidence: input.status === 'PASS' || input.status === 'FAIL' ? input.evidence : '',
        waiverReason: input.status === 'WAIVED' || input.status === 'NA' ? input.waiverReason || null : null,
        checkedById: pending ? null : actor.id,
        checkedAt: pending ? null : new Date(),
      },
    })
    return ok(null)
  })
}

/** Replaces the snapshot's wording with the template item's newer version. */
export async function pullNewerWording({ actor, checkId }: { actor: Actor; checkId: string }) {
  return changeCheck(actor, checkId, checklistOpen, async (tx, check) => {
    const row = await tx.launchCheck.findUniqueOrThrow({
      where: { id: check.id },
      select: { checklistItemVersion: true, checklistItem: true },
    })
    const item = row.checklistItem
    if (!item || item.version <= (row.checklistItemVersion ?? 0))
      return err('INVALID_STATE', { message: 'upToDate' })
    await tx.launchCheck.update({
      where: { id: check.id },
      data: {
        text: item.text,
        rationale: item.rationale,
        category: item.category,
        required: item.required,
        checklistItemVersion: item.version,
      },
    })
    return ok(null)
  })
}

/** One sub-check per pasted line, after the existing ones; lines already there are skipped. */
export async function addSubChecks({
  actor,
  checkId,
  lines,
}: {
  actor: Actor
  checkId: string
  lines: string[]
}): Promise<Result<{ added: number }>> {
  return changeCheck(actor, checkId, checklistOpen, async (tx, check) => {
    const existing = await tx.launchSubCheck.findMany({
      where: { checkId: check.id },
      select: { label: true },
    })
    const known = new Set(existing.map((s) => s.label))
    const fresh = [...new Set(lines)].filter((l) => !known.has(l))
    if (existing.length + fresh.length > LIMITS.subChecks)
      return err('INVALID_INPUT', { fields: { lines: 'tooMany' } })
    await tx.launchSubCheck.createMany({
      data: fresh.map((label, i) => ({ checkId: check.id, label, position: existing.length + i })),
    })
    // New work reopens a passed check.
    if (fresh.length && check.status === 'PASS')
      await tx.launchCheck.update({
        where: { id: check.id },
        data: { status: 'PENDING', checkedById: null, checkedAt: null },
      })
    return ok({ added: fresh.length })
  })
}

/** Ticks or unticks a sub-check; unticking one under a passed check reopens the check. */
export async function setSubCheckDone({
  actor,
  subCheckId,
  done,
}: {
  actor: Actor
  subCheckId: string
  done: boolean
}): Promise<Result<{ done: number; total: number }>> {
  const sub = await db.launchSubCheck.findUnique({ where: { id: subCheckId }, select: { checkId: true } })
  if (!sub) return err('NOT_FOUND')
  return changeCheck(actor, sub.checkId, checksJudged, async (tx, check) => {
    await tx.launchSubCheck.update({
      where: { id: subCheckId },
      data: done ? { done, doneById: actor.id, doneAt: new Date() } : { done, doneById: null, doneAt: null },
    })
    if (!done && check.status === 'PASS')
      await tx.launchCheck.update({
        where: { id: check.id },
        data: { status: 'PENDING', checkedById: null, checkedAt: null },
      })
    const [total, doneCount] = await Promise.all([
      tx.launchSubCheck.count({ where: { checkId: check.id } }),
      tx.launchSubCheck.count({ where: { checkId: check.id, done: true } }),
    ])
    return ok({ done: doneCount, total })
  })
}
