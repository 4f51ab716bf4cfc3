import 'server-only'
import type { Actor } from '../roles'
import { err, ok, type Result } from '../result'
import { changeLaunch, nextPosition } from './change-checklist'
import { copyItemsToLaunch } from './copy-items'
import { acceptProposalInput, LIMITS } from './schemas'

const itemSnapshot = {
  id: true,
  version: true,
  text: true,
  rationale: true,
  category: true,
  required: true,
} as const

/** Accepts a proposed checklist item: it becomes a check on the launch like a template's item. */
export async function acceptProposedItem({
  actor,
  slug,
  checklistItemId,
}: {
  actor: Actor
  slug: string
  checklistItemId: string
}): Promise<Result<{ added: number }>> {
  return changeLaunch(actor, slug, async (tx, launch) => {
    const item = await tx.checklistItem.findFirst({
      where: { id: checklistItemId, archivedAt: null },
      select: itemSnapshot,
    })
    if (!item) return err('NOT_FOUND')
    return copyItemsToLaunch(tx, launch.id, [item])
  })
}

/**
 * Accepts a proposed past incident (decision 026): the checklist items learned from its lessons
 * join the launch; when none were, one ad-hoc check carries its first lesson (or its title),
 * with every lesson and the incident in the rationale, for the reviewer to reword.
 */
export async function acceptProposedIncident({
  actor,
  slug,
  number,
}: {
  actor: Actor
  slug: string
  number: number
}): Promise<Result<{ added: number }>> {
  return changeLaunch(actor, slug, async (tx, launch) => {
    const postmortem = await tx.postmortem.findFirst({
      where: { number, status: 'PUBLISHED' },
      select: {
        number: true,
        title: true,
        lessons: {
          orderBy: { position: 'asc' },
          select: {
            text: true,
            checklistItems: {
              where: { checklistItem: { archivedAt: null } },
              select: { checklistItem: { select: itemSnapshot } },
            },
          },
        },
      },
    })
    if (!postmortem) return err('NOT_FOUND')
    const items = new Map(
      postmortem.lessons.flatMap((l) => l.checklistItems.map((c) => [c.checklistItem.id, c.checklistItem])),
    )
    if (items.size) return copyItemsToLaunch(tx, launch.id, [...items.values()])
    const position = await nextPosition(tx, launch.id)
    if (position >= LIMITS.items) return err('INVALID_INPUT', { message: 'tooMany' })
    const lessons = postmortem.lessons.map((l) => l.text.trim()).filter(Boolean)
    const source = `#${postmortem.number} ${postmortem.title}`
    await tx.launchCheck.create({
      data: {
        launchId: launch.id,
        position,
        text: (lessons[0] ?? source).slice(0, 500),
        rationale: [source, ...lessons.map((l) => `- ${l}`)].join('\n').slice(0, 4_000),
      },
    })
    return ok({ added: 1 })
  })
}

/** Accepts a proposal, item or incident, as a form or the JSON API names it (`acceptProposalInput`). */
export async function acceptProposal({
  actor,
  slug,
  input,
}: {
  actor: Actor
  slug: string
  input: unknown
}): Promise<Result<{ added: number }>> {
  const parsed = acceptProposalInput.safeParse(input)
  if (!parsed.success) return err('INVALID_INPUT', { message: parsed.error.issues[0]?.message })
  const { checklistItemId, postmortemNumber } = parsed.data
  return checklistItemId
    ? acceptProposedItem({ actor, slug, checklistItemId })
    : acceptProposedIncident({ actor, slug, number: postmortemNumber! })
}
