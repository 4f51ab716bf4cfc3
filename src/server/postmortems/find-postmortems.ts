import 'server-only'
import type { Prisma } from '@/generated/prisma/client'
import { hasRole, type Actor } from '../roles'
import { db } from '../db'
import { dataVersionCache, readerKey } from '../data-version-cache'
import { readableBy } from './get-postmortem'
import { incidentDateWhere } from '../incident-date'
import type { FindPostmortemsInput, PostmortemStatus, Severity } from './schemas'
import { contentLanguageOf, type ContentLanguage } from './content-language'

export const PAGE_SIZE = 25

export type PostmortemListItem = {
  number: number
  title: string
  /** The language its text is written in, for `lang` on its title and symptom. */
  language: ContentLanguage | null
  status: PostmortemStatus
  severity: Severity | null
  occurredAt: Date | null
  updatedAt: Date
  launch: { slug: string; name: string } | null
  tags: string[]
  services: string[]
  symptom: string
}

const orderBy = {
  updated: [{ updatedAt: 'desc' }, { number: 'desc' }],
  newest: [{ number: 'desc' }],
  oldest: [{ number: 'asc' }],
} satisfies Record<FindPostmortemsInput['sort'], Prisma.PostmortemOrderByWithRelationInput[]>

export type PostmortemPage = { items: PostmortemListItem[]; nextCursor: string | null }

/** Pages read recently, kept against the data version (decision 035). */
const keptPages = dataVersionCache<PostmortemPage>('postmortem-pages', { maxEntries: 200 })

/**
 * One page of postmortems, newest activity first by default. Viewers see published ones
 * only. The cursor is the number of the last item shown (numbers are unique and stable).
 */
export async function findPostmortems({
  actor,
  input,
}: {
  actor: Actor
  input: FindPostmortemsInput
}): Promise<PostmortemPage> {
  return keptPages(readerKey(actor, JSON.stringify(input)), () => readPage(actor, input))
}

async function readPage(actor: Actor, input: FindPostmortemsInput): Promise<PostmortemPage> {
  const where: Prisma.PostmortemWhereInput = {
    ...(hasRole(actor, 'EDITOR') ? (input.status ? { status: input.status } : {}) : readableBy(actor)),
    ...(input.severity ? { severity: input.severity } : {}),
    ...(input.launch ? { launch: { slug: input.launch } } : {}),
    ...(input.tag ? { tags: { some: { tag: { name: input.tag } } } } : {}),
    ...(input.service ? { services: { some: { service: { name: input.service } } } } : {}),
    ...(input.category ? { rootCauseCategory: input.category } : {}),
    ...(input.factor ? { factors: { some: { factorId: input.factor } } } : {}),
    ...incidentDateWhere(input),
  }
  const cursor = input.cursor && /^\d{1,9}$/.test(input.cursor) ? Number(input.cursor) : null
  const rows = await db.postmortem.findMany({
    where,
    orderBy: orderBy[input.sort],
    take: PAGE_SIZE + 1,
    ...(cursor ? { cursor: { number: cursor }, skip: 1 } : {}),
    select: {
      number: true,
      title: true,
      language: true,
      status: true,
      severity: true,
      occurredAt: true,
      updatedAt: true,
      symptom: true,
      launch: { select: { slug: true, name: true } },
      tags: { select: { tag: { select: { name: true } } } },
      services: { select: { service: { select: { name: true } } } },
    },
  })
  const items: PostmortemListItem[] = rows.slice(0, PAGE_SIZE).map((row) => ({
    ...row,
    language: contentLanguageOf(row),
    symptom: row.symptom.slice(0, 300),
    tags: row.tags.map((t) => t.tag.name),
    services: row.services.map((s) => s.service.name),
  }))
  const last = items.at(-1)
  return { items, nextCursor: rows.length > PAGE_SIZE && last ? String(last.number) : null }
}

export type Taxonomy = Awaited<ReturnType<typeof readTaxonomy>>

const keptTaxonomy = dataVersionCache<Taxonomy>('taxonomy', { maxEntries: 1 })

/** Launches, tags and services that exist, for the list's filters and the editor's pickers. */
export async function findTaxonomy({ actor }: { actor: Actor }): Promise<Taxonomy> {
  if (!hasRole(actor, 'VIEWER')) return { launches: [], tags: [], services: [], factors: [] }
  return keptTaxonomy('all', readTaxonomy)
}

async function readTaxonomy() {
  const [launches, tags, services, factors] = await Promise.all([
    db.launch.findMany({
      orderBy: [{ createdAt: 'desc' }],
      select: { id: true, slug: true, name: true },
      take: 200,
    }),
    db.tag.findMany({ orderBy: { name: 'asc' }, select: { name: true }, take: 500 }),
    db.service.findMany({ orderBy: { name: 'asc' }, select: { name: true }, take: 500 }),
    db.contributingFactor.findMany({
      orderBy: [{ position: 'asc' }, { name: 'asc' }],
      select: { id: true, name: true, description: true, archivedAt: true },
    }),
  ])
  return {
    launches,
    tags: tags.map((t) => t.name),
    services: services.map((s) => s.name),
    // Contributing factors: archived ones too (the postmortems that carry one still name it).
    factors: factors.map(({ archivedAt, ...f }) => ({ ...f, archived: archivedAt !== null })),
  }
}
