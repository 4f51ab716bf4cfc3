import { describe, expect, it } from 'vitest'
import type { Actor } from '../roles'
import { db } from '../db'
import { createPostmortem } from '../postmortems/create-postmortem'
import { createFirstAdmin } from '../users/create-first-admin'
import { person } from '@/test/people'
import { createLaunch, insertLaunch } from './create-launch'
import { findLaunches, getLaunch } from './find-launches'
import { createLaunchInput } from './schemas'

describe('findLaunches (real database)', () => {
  it('counts only the postmortems the reader may see: no drafts for viewers', async () => {
    const first = await createFirstAdmin({
      input: { name: 'Ed', email: 'ed@example.com', password: 'a good password' },
    })
    if (!first.ok) throw new Error(first.error.code)
    const editor: Actor = { id: first.data.id, name: 'Ed', email: 'ed@example.com', role: 'ADMIN' }
    const viewer: Actor = { ...editor, role: 'VIEWER' }
    const launch = await db.$transaction((tx) =>
      insertLaunch(tx, { name: 'Checkout v3', description: '', plannedAt: null, launchedAt: null }),
    )
    const numbers = []
    for (const title of ['Published', 'Draft', 'In review']) {
      const created = await createPostmortem({ actor: editor, input: { title, launchId: launch.id } })
      if (!created.ok) throw new Error(created.error.code)
      numbers.push(created.data.number)
    }
    await db.postmortem.update({ where: { number: numbers[0] }, data: { status: 'PUBLISHED' } })
    await db.postmortem.update({ where: { number: numbers[2] }, data: { status: 'IN_REVIEW' } })

    const counted = async (actor: Actor) =>
      (await findLaunches({ actor })).items.find((l) => l.slug === launch.slug)?.postmortems
    expect(await counted(viewer)).toBe(1)
    expect(await counted({ ...editor, role: 'EDITOR' })).toBe(3)
    // The list and the launch's own page agree.
    const page = await getLaunch({ actor: viewer, slug: launch.slug })
    expect(page.ok && page.data.postmortems.map((p) => p.title)).toEqual(['Published'])

    // The list is kept between requests: publishing the one in review shows in the next one.
    await db.postmortem.update({ where: { number: numbers[2] }, data: { status: 'PUBLISHED' } })
    expect(await counted(viewer)).toBe(2)
  })
})

describe('the launch list (real database)', () => {
  it('pages every launch in its order, 50 a page, each launch on one page', async () => {
    const viewer = await person('Paula', 'VIEWER')
    const run = Math.random().toString(36).slice(2, 8)
    // Planned in the future, so that they lead the list whatever else the database holds.
    const ours = Array.from({ length: 53 }, (_, i) => ({
      name: `Paged ${run} ${i}`,
      plannedAt: new Date(Date.UTC(2999, 0, 1) - i * 86_400_000).toISOString().slice(0, 10),
    }))
    for (const l of ours)
      await db.$transaction((tx) => insertLaunch(tx, { ...l, description: '', launchedAt: null }))
    const first = await findLaunches({ actor: viewer })
    const second = await findLaunches({ actor: viewer, page: 2 })
    expect(first.items).toHaveLength(50)
    expect(first.nextPage).toBe(2)
    const names = [...first.items, ...second.items].map((l) => l.name)
    expect(names.slice(0, 53)).toEqual(ours.map((l) => l.name))
    expect(new Set(names).size).toBe(names.length)
    const last = await findLaunches({ actor: viewer, page: 1_000 })
    expect(last).toEqual({ items: [], nextPage: null })
  })
})

describe('createLaunch with services and tags (real database)', () => {
  it('keeps the names it was created with, once each and sorted, and shows them on the launch', async () => {
    const editor = await person('Lin', 'EDITOR')
    const input = createLaunchInput.parse({
      name: 'Ledger v2',
      services: ['ledger', '结算', 'ledger'],
      tags: ['migration'],
    })
    const created = await createLaunch({ actor: editor, input })
    if (!created.ok) throw new Error(created.error.code)
    const launch = await getLaunch({ actor: editor, slug: created.data.slug })
    expect(launch.ok && { services: launch.data.services, tags: launch.data.tags }).toEqual({
      services: ['ledger', '结算'],
      tags: ['migration'],
    })
  })
})
