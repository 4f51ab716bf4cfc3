import 'server-only'
import type { Prisma } from '@/generated/prisma/client'
import type { Actor } from '../roles'
import { db } from '../db'
import { dataVersionCache, readerKey } from '../data-version-cache'
import { err, ok, type Result } from '../result'
import type { LaunchStatus } from './launch-status'
import { canRead, getPostmortem, readableBy, type PostmortemView } from '../postmortems/get-postmortem'
import { contentLanguageOf, type ContentLanguage } from '../postmortems/content-language'

export type LaunchListItem = {
  slug: string
  name: string
  status: LaunchStatus
  plannedAt: Date | null
  launchedAt: Date | null
  description: string
  /** How many of its postmortems the reader may see. */
  postmortems: number
}

/** Launches in the order people look for them: the latest planned date first, unplanned last. */
export const newestLaunchesFirst: Prisma.LaunchOrderByWithRelationInput[] = [
  { plannedAt: { sort: 'desc', nulls: 'last' } },
  { createdAt: 'desc' },
]

/** Launches a page of the list shows. */
export const LAUNCH_PAGE_SIZE = 50

export type LaunchPage = { items: LaunchListItem[]; nextPage: number | null }

/** The list's pages, read again only when the data changed (decision 035). */
const keptPages = dataVersionCache<LaunchPage>('launch-list', { maxEntries: 20 })

/**
 * A page of launches in the list's order, each with the number of its postmortems the reader may
 * see (drafts not for viewers). Two years of a team's launches are hundreds: every one of them
 * is on some page, and the first page is what people open the list for.
 */
export async function findLaunches({
  actor,
  page = 1,
}: {
  actor: Actor
  page?: number
}): Promise<LaunchPage> {
  return keptPages(readerKey(actor, page), () => readLaunchPage(actor, page))
}

async function readLaunchPage(actor: Actor, page: number): Promise<LaunchPage> {
  const launches = await db.launch.findMany({
    orderBy: newestLaunchesFirst,
    skip: (page - 1) * LAUNCH_PAGE_SIZE,
    take: LAUNCH_PAGE_SIZE + 1,
    select: {
      slug: true,
      name: true,
      status: true,
      plannedAt: true,
      launchedAt: true,
      description: true,
      _count: { select: { postmortems: { where: readableBy(actor) } } },
    },
  })
  return {
    items: launches
      .slice(0, LAUNCH_PAGE_SIZE)
      .map(({ _count, ...launch }) => ({ ...launch, postmortems: _count.postmortems })),
    nextPage: launches.length > LAUNCH_PAGE_SIZE ? page + 1 : null,
  }
}

export type LaunchView = {
  id: string
  slug: string
  name: string
  status: LaunchStatus
  description: string
  plannedAt: Date | null
  launchedAt: Date | null
  /** Set when an admin launched it while not ready. */
  overrideReason: string | null
  overrideBy: string | null
  /** The services and tags it touches: they decide which past lessons it is proposed. */
  services: string[]
  tags: string[]
  postmortems: {
    number: number
    title: string
    language: ContentLanguage | null
    status: PostmortemView['status']
    severity: string | null
    symptom: string
  }[]
}

const keptLaunches = dataVersionCache<Result<LaunchView>>('launches', { maxEntries: 100 })

/** A launch with the postmortems the reader may see, in the order they were numbered. */
export async function getLaunch({
  actor,
  slug,
}: {
  actor: Actor
  slug: string
}): Promise<Result<LaunchView>> {
  return keptLaunches(readerKey(actor, slug), () => readLaunch(actor, slug))
}

async function readLaunch(actor: Actor, slug: string): Promise<Result<LaunchView>> {
  const launch = await db.launch.findUnique({
    where: { slug },
    include: {
      overrideBy: { select: { name: true } },
      services: { select: { service: { select: { name: true } } }, orderBy: { service: { name: 'asc' } } },
      tags: { select: { tag: { select: { name: true } } }, orderBy: { tag: { name: 'asc' } } },
      postmortems: {
        orderBy: { number: 'asc' },
        select: { number: true, title: true, language: true, status: true, severity: true, symptom: true },
      },
    },
  })
  if (!launch) return err('NOT_FOUND')
  return ok({
    ...launch,
    overrideBy: launch.overrideBy?.name ?? null,
    services: launch.services.map((s) => s.service.name),
    tags: launch.tags.map((t) => t.tag.name),
    postmortems: launch.postmortems
      .filter((p) => canRead(actor, p.status))
      .map((p) => ({ ...p, language: contentLanguageOf(p), symptom: p.symptom.slice(0, 300) })),
  })
}

/** Every readable postmortem of a launch in full, for the launch's export. */
export async function getLaunchPostmortems({ actor, launch }: { actor: Actor; launch: LaunchView }) {
  const views = await Promise.all(launch.postmortems.map((p) => getPostmortem({ actor, number: p.number })))
  return views.flatMap((v) => (v.ok ? [v.data] : []))
}
