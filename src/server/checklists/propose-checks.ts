import 'server-only'
import type { Actor } from '../roles'
import { db } from '../db'
import { dataVersionCache, readerKey } from '../data-version-cache'
import { err, ok, type Result } from '../result'
import { findSimilar, type SimilarIncident } from '../postmortems/find-similar'

export type ProposalIncident = { number: number; title: string; language: string | null }

/** A checklist item learned from past incidents on the launch's services or tags. */
export type ProposedItem = {
  checklistItemId: string
  text: string
  /** Why: the incidents it was learned from that share a service or tag with the launch… */
  incidents: ProposalIncident[]
  /** …and which of the launch's services and tags they share. */
  services: string[]
  tags: string[]
}

/** A past published incident like the launch's name and description. */
export type ProposedIncident = SimilarIncident & {
  /** Checklist items learned from it that are not on the launch yet. */
  itemCount: number
}

/** A proposal someone dismissed for this launch, with why, who and when. */
export type DismissedProposal = {
  checklistItem: { id: string; text: string } | null
  incident: ProposalIncident | null
  reason: string
  by: string | null
  at: Date
}

export type Proposals = {
  /** False when the launch lists no services or tags: nothing to learn from yet. */
  hasTaxonomy: boolean
  items: ProposedItem[]
  incidents: ProposedIncident[]
  /** What was dismissed, newest first: the review can still read why. */
  dismissed: DismissedProposal[]
}

const MAX_ITEMS = 20
const severityWeight: Record<string, number> = { SEV1: 3, SEV2: 2, SEV3: 1 }

/**
 * What a launch review should consider, learned from past incidents (decision 026):
 * (a) checklist items (not archived, not on the launch, not dismissed for it) whose source
 * lessons come from published postmortems sharing a service or tag with the launch, ranked by
 * how many such incidents, then their worst severity, then the newest; (b) the published
 * postmortems most like the launch's name and description (find-similar.ts), minus those
 * already behind a proposed item and those dismissed. Two queries plus the similarity search.
 */
export async function proposeChecks({
  actor,
  slug,
}: {
  actor: Actor
  slug: string
}): Promise<Result<Proposals>> {
  return keptProposals(readerKey(actor, slug), () => readProposals(actor, slug))
}

const keptProposals = dataVersionCache<Result<Proposals>>('launch-proposals', { maxEntries: 50 })

async function readProposals(actor: Actor, slug: string): Promise<Result<Proposals>> {
  const launch = await db.launch.findUnique({
    where: { slug },
    select: {
      id: true,
      name: true,
      description: true,
      services: { select: { service: { select: { id: true, name: true } } } },
      tags: { select: { tag: { select: { id: true, name: true } } } },
      dismissals: {
        orderBy: { createdAt: 'desc' },
        select: {
          checklistItemId: true,
          postmortemId: true,
          reason: true,
          createdAt: true,
          by: { select: { name: true } },
          checklistItem: { select: { id: true, text: true } },
          postmortem: { select: { number: true, title: true, language: true } },
        },
      },
    },
  })
  if (!launch) return err('NOT_FOUND')
  const launchId = launch.id
  const serviceIds = launch.services.map((s) => s.service.id)
  const tagIds = launch.tags.map((t) => t.tag.id)
  const hasTaxonomy = serviceIds.length + tagIds.length > 0
  const dismissedItems = launch.dismissals.flatMap((d) => d.checklistItemId ?? [])
  const dismissedIncidents = new Set(launch.dismissals.flatMap((d) => d.postmortemId ?? []))

  const sharing = {
    status: 'PUBLISHED' as const,
    OR: [
      { services: { some: { serviceId: { in: serviceIds } } } },
      { tags: { some: { tagId: { in: tagIds } } } },
    ],
  }
  const rows = hasTaxonomy
    ? await db.checklistItem.findMany({
        where: {
          archivedAt: null,
          template: { archivedAt: null },
          id: { notIn: dismissedItems },
          launchChecks: { none: { launchId } },
          sources: { some: { lesson: { postmortem: sharing } } },
        },
        select: {
          id: true,
          text: true,
          sources: {
            where: { lesson: { postmortem: sharing } },
            select: {
              lesson: {
                select: {
                  postmortem: {
                    select: {
                      id: true,
                      number: true,
                      title: true,
                      language: true,
                      severity: true,
                      publishedAt: true,
                      services: { select: { serviceId: true } },
                      tags: { select: { tagId: true } },
                    },
                  },
                },
              },
            },
          },
        },
      })
    : []

  const serviceName = new Map(launch.services.map((s) => [s.service.id, s.service.name]))
  const tagName = new Map(launch.tags.map((t) => [t.tag.id, t.tag.name]))
  const covered = new Set<number>()
  const ranked = rows.map((row) => {
    const byId = new Map(row.sources.map((s) => [s.lesson.postmortem.id, s.lesson.postmortem]))
    const incidents = [...byId.values()].sort((a, b) => b.number - a.number)
    for (const p of incidents) covered.add(p.number)
    const services = new Set<string>()
    const tags = new Set<string>()
    for (const p of incidents) {
      for (const s of p.services)
        if (serviceName.has(s.serviceId)) services.add(serviceName.get(s.serviceId)!)
      for (const t of p.tags) if (tagName.has(t.tagId)) tags.add(tagName.get(t.tagId)!)
    }
    const item: ProposedItem = {
      checklistItemId: row.id,
      text: row.text,
      incidents: incidents.map((p) => ({ number: p.number, title: p.title, language: p.language })),
      services: [...services].sort(),
      tags: [...tags].sort(),
    }
    const key = [
      incidents.length,
      Math.max(0, ...incidents.map((p) => severityWeight[p.severity ?? ''] ?? 0)),
      Math.max(0, ...incidents.map((p) => p.publishedAt?.getTime() ?? 0)),
    ]
    return { item, key }
  })
  ranked.sort((a, b) => b.key[0]! - a.key[0]! || b.key[1]! - a.key[1]! || b.key[2]! - a.key[2]!)

  const text = `${launch.name}\n${launch.description}`
  const similar = (await findSimilar({ actor, text, publishedOnly: true })).filter(
    (s) => !covered.has(s.number),
  )
  const details = similar.length
    ? await db.postmortem.findMany({
        where: { number: { in: similar.map((s) => s.number) } },
        select: {
          id: true,
          number: true,
          lessons: {
            select: {
              checklistItems: {
                where: { checklistItem: { archivedAt: null, launchChecks: { none: { launchId } } } },
                select: { checklistItemId: true },
              },
            },
          },
        },
      })
    : []
  const byNumber = new Map(details.map((d) => [d.number, d]))
  const incidents = similar.flatMap((s) => {
    const d = byNumber.get(s.number)
    if (!d || dismissedIncidents.has(d.id)) return []
    const items = new Set(d.lessons.flatMap((l) => l.checklistItems.map((c) => c.checklistItemId)))
    return [{ ...s, itemCount: items.size }]
  })

  const dismissed = launch.dismissals.map((d): DismissedProposal => ({
    checklistItem: d.checklistItem,
    incident: d.postmortem,
    reason: d.reason,
    by: d.by?.name ?? null,
    at: d.createdAt,
  }))
  return ok({ hasTaxonomy, items: ranked.slice(0, MAX_ITEMS).map((r) => r.item), incidents, dismissed })
}
