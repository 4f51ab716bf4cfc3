import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { db } from '@/server/db'
import { insertLaunch } from '@/server/launches/create-launch'
import type { Actor } from '@/server/roles'
import { signedInPerson } from '@/test/signed-in'

/*
 * The launch proposals JSON API (decision 026) over the real route handlers and database: what
 * a script sees for good and bad requests. Route handlers read the session from next/headers;
 * here it answers with the headers of the request being handled.
 */
let current = new Headers()
vi.mock('next/headers', () => ({
  headers: async () => current,
  cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => {}, delete: () => {} }),
}))

const proposals = await import('./route')
const taxonomy = await import('../taxonomy/route')

const app = 'http://localhost:3000'
let editor: { actor: Actor; cookie: string }
let viewer: { actor: Actor; cookie: string }
let slug: string

function call(cookie: string, method: string, body?: unknown) {
  const r = new Request(`${app}/api/v1/launches/${slug}/proposals`, {
    method,
    headers: { cookie, origin: app, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  })
  current = r.headers
  return r
}
const at = (s: string) => ({ params: Promise.resolve({ slug: s }) })

beforeAll(async () => {
  editor = await signedInPerson('Erin', 'EDITOR')
  viewer = await signedInPerson('Val', 'VIEWER')
  const launch = await db.$transaction((tx) =>
    insertLaunch(tx, { name: 'Ledger v2', description: '', plannedAt: null, launchedAt: null }),
  )
  slug = launch.slug
})

describe('/api/v1/launches/:slug/proposals and /taxonomy', () => {
  it('says nothing can be proposed until the launch names its services or tags, then proposes', async () => {
    const before = await proposals.GET(call(viewer.cookie, 'GET'), at(slug))
    expect(before.status).toBe(200)
    expect(await before.json()).toEqual({ hasTaxonomy: false, items: [], incidents: [], dismissed: [] })

    const service = `ledger-${randomUUID().slice(0, 8)}`
    const set = await taxonomy.PUT(
      call(editor.cookie, 'PUT', { services: [service], tags: ['payments'] }),
      at(slug),
    )
    expect(set.status).toBe(204)
    const stored = await db.launch.findUniqueOrThrow({
      where: { slug },
      select: {
        services: { select: { service: { select: { name: true } } } },
        tags: { select: { tag: { select: { name: true } } } },
      },
    })
    expect(stored.services.map((s) => s.service.name)).toEqual([service])
    expect(stored.tags.map((t) => t.tag.name)).toEqual(['payments'])

    const after = await proposals.GET(call(viewer.cookie, 'GET'), at(slug))
    expect((await after.json()) as { hasTaxonomy: boolean }).toMatchObject({ hasTaxonomy: true })
  })

  it('refuses viewers, bad bodies and unknown targets with a 4xx that says why', async () => {
    expect((await taxonomy.PUT(call(viewer.cookie, 'PUT', { services: ['x'] }), at(slug))).status).toBe(403)
    expect(
      (await proposals.POST(call(viewer.cookie, 'POST', { accept: { postmortemNumber: 1 } }), at(slug)))
        .status,
    ).toBe(403)

    const noReason = await proposals.POST(
      call(editor.cookie, 'POST', { dismiss: { postmortemNumber: 1 } }),
      at(slug),
    )
    expect(noReason.status).toBe(422)
    const both = await proposals.POST(
      call(editor.cookie, 'POST', { accept: { postmortemNumber: 1, checklistItemId: 'x' } }),
      at(slug),
    )
    expect(both.status).toBe(422)
    const missing = await proposals.POST(
      call(editor.cookie, 'POST', { accept: { checklistItemId: randomUUID() } }),
      at(slug),
    )
    expect(missing.status).toBe(404)
    expect((await proposals.GET(call(viewer.cookie, 'GET'), at('no-such-launch'))).status).toBe(404)
  })
})
