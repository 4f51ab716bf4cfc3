// @every-database: the data version's triggers and its commit lock are SQL each kind runs itself.
import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { person } from '@/test/people'
import { dataVersion } from './data-version-cache'
import { db } from './db'
import type { Actor } from './roles'
import { createPostmortem } from './postmortems/create-postmortem'
import { findPostmortems, findTaxonomy } from './postmortems/find-postmortems'
import { getPostmortem } from './postmortems/get-postmortem'
import { savePostmortem } from './postmortems/save-postmortem'
import { emptyDocument, findPostmortemsInput } from './postmortems/schemas'

/*
 * Decision 035: the read pages keep what they read against the data version. A reader must see
 * every write at its next read, whoever made it (a use case or plain SQL), and a value kept for
 * an editor must never reach a viewer.
 */
let editor: Actor
let viewer: Actor

beforeAll(async () => {
  editor = await person('Kept Editor', 'EDITOR')
  viewer = await person('Kept Viewer', 'VIEWER')
})

async function draft(title: string) {
  const created = await createPostmortem({ actor: editor, input: { title, launchId: null } })
  if (!created.ok) throw new Error(created.error.code)
  return created.data.number
}

const titles = async (actor: Actor) =>
  (await findPostmortems({ actor, input: findPostmortemsInput.parse({}) })).items.map((i) => i.title)

describe('reads kept against the data version', () => {
  it('shows a saved change at the next read of the postmortem and of the list', async () => {
    const number = await draft('Cache before')
    expect(await titles(editor)).toContain('Cache before')
    const before = await getPostmortem({ actor: editor, number })
    expect(before.ok && before.data.document.title).toBe('Cache before')

    const document = {
      ...emptyDocument('Cache after'),
      timeline: [
        { id: randomUUID(), at: null, kind: 'OBSERVATION' as const, text: 'queue grew', hypothesisId: null },
      ],
      tags: ['kept-tag'],
    }
    const saved = await savePostmortem({ actor: editor, number, input: { baseVersion: 1, document } })
    expect(saved.ok).toBe(true)

    const after = await getPostmortem({ actor: editor, number })
    expect(after.ok && after.data.document.title).toBe('Cache after')
    expect(after.ok && after.data.document.timeline.map((e) => e.text)).toEqual(['queue grew'])
    expect(await titles(editor)).toContain('Cache after')
    expect(await titles(editor)).not.toContain('Cache before')
    expect((await findTaxonomy({ actor: editor })).tags).toContain('kept-tag')
  })

  it('shows a change made by plain SQL to a postmortem’s list, not only to the postmortem', async () => {
    const number = await draft('Plain SQL')
    const document = {
      ...emptyDocument('Plain SQL'),
      timeline: [
        { id: randomUUID(), at: null, kind: 'OBSERVATION' as const, text: 'first', hypothesisId: null },
      ],
    }
    expect((await savePostmortem({ actor: editor, number, input: { baseVersion: 1, document } })).ok).toBe(
      true,
    )
    const read = async () => {
      const view = await getPostmortem({ actor: editor, number })
      return view.ok ? view.data.document.timeline.map((e) => e.text) : null
    }
    expect(await read()).toEqual(['first'])
    await db.$executeRaw`UPDATE "TimelineEntry" SET "text" = 'changed by SQL'
      WHERE "postmortemId" = (SELECT "id" FROM "Postmortem" WHERE "number" = ${number})`
    expect(await read()).toEqual(['changed by SQL'])
  })

  it('never hands a viewer what was kept for an editor', async () => {
    const number = await draft('Kept draft')
    expect(await titles(editor)).toContain('Kept draft')
    expect((await getPostmortem({ actor: editor, number })).ok).toBe(true)

    expect(await titles(viewer)).not.toContain('Kept draft')
    const hidden = await getPostmortem({ actor: viewer, number })
    expect(hidden.ok ? 'found' : hidden.error.code).toBe('NOT_FOUND')

    await db.$executeRaw`UPDATE "Postmortem" SET "status" = 'PUBLISHED' WHERE "number" = ${number}`
    expect(await titles(viewer)).toContain('Kept draft')
    expect((await getPostmortem({ actor: viewer, number })).ok).toBe(true)
  })

  it('keeps its reads when someone signs in, and reads again when a session ends', async () => {
    // A new session arrives with a cookie nothing was kept for; an ended one (signing out, a
    // password change, deactivation) must be seen at the next request that carries its cookie.
    const before = await dataVersion()
    const session = await db.session.create({
      data: {
        id: randomUUID(),
        token: randomUUID(),
        expiresAt: new Date(Date.now() + 3600_000),
        userId: viewer.id,
      },
    })
    await db.session.update({
      where: { id: session.id },
      data: { expiresAt: new Date(Date.now() + 7200_000) },
    })
    expect(await dataVersion()).toBe(before)
    await db.session.delete({ where: { id: session.id } })
    expect(await dataVersion()).not.toBe(before)
  })

  it('waits out a commit in progress before it reads the version', async () => {
    // A writer holds the commit lock from the moment its commit moves the version until its rows
    // are visible: the version read meanwhile must wait, not pair the new number with old rows.
    let released = false
    let read: Promise<string> | undefined
    await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(7240512004)`
      read = dataVersion().then((version) => {
        expect(released).toBe(true)
        return version
      })
      await new Promise((resolve) => setTimeout(resolve, 300))
      released = true
    })
    expect(await read).toMatch(/:\d+$/)
  })
})
