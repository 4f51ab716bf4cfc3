import { beforeAll, describe, expect, it } from 'vitest'
import { createTemplate } from '../checklists/create-template'
import { db } from '../db'
import { createPostmortem } from '../postmortems/create-postmortem'
import { getPostmortem } from '../postmortems/get-postmortem'
import { savePostmortem } from '../postmortems/save-postmortem'
import { emptyDocument } from '../postmortems/schemas'
import { actorForToken, createApiToken, findApiTokens, revokeApiToken } from './api-tokens'
import type { Actor } from '../roles'
import { person } from '@/test/people'

let admin: Actor
let editor: Actor
let viewer: Actor

/** A new token, as the admin copies it from Settings. */
async function newToken(name: string) {
  const created = await createApiToken({ actor: admin, input: { name } })
  if (!created.ok) throw new Error(created.error.code)
  return created.data
}

const bearer = (token: string) => `Bearer ${token}`

beforeAll(async () => {
  admin = await person('Ada', 'ADMIN')
  editor = await person('Eve', 'EDITOR')
  viewer = await person('Vic', 'VIEWER')
})

describe('API tokens (real database)', () => {
  it('stop working once revoked, and stay revoked', async () => {
    const { id, token } = await newToken('deploy pipeline')
    expect(await actorForToken(bearer(token))).toMatchObject({ id: admin.id, name: 'token:deploy pipeline' })

    expect(await revokeApiToken({ actor: admin, id })).toEqual({ ok: true, data: null })
    expect(await actorForToken(bearer(token))).toBeNull()
    // Revoking again does not bring it back, nor does the request of a script still using it.
    expect(await revokeApiToken({ actor: admin, id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(await actorForToken(bearer(token))).toBeNull()
    const listed = await findApiTokens({ actor: admin })
    expect(listed.find((t) => t.id === id)?.revokedAt).toBeInstanceOf(Date)

    // Another token of the same admin is not touched by the revocation.
    const other = await newToken('wiki sync')
    expect(await actorForToken(bearer(other.token))).not.toBeNull()
  })

  it('refuse what is not a live token', async () => {
    const { token } = await newToken('ci')
    for (const header of [
      null,
      '',
      token, // no "Bearer"
      `Basic ${token}`,
      bearer(`${token}x`),
      bearer(token.replace(/^hs_/, '')),
      bearer('hs_' + 'A'.repeat(43)),
    ])
      expect(await actorForToken(header), String(header)).toBeNull()
    expect(await actorForToken(`bearer   ${token}`)).not.toBeNull()
  })

  it('read, and never write, even when an admin created them', async () => {
    const { token } = await newToken('reader')
    const actor = await actorForToken(bearer(token))
    expect(actor?.role).toBe('VIEWER')

    // The admin's draft, which the token can neither change nor publish.
    const draft = await createPostmortem({ actor: admin, input: { title: 'Replica lag', launchId: null } })
    if (!draft.ok) throw new Error(draft.error.code)
    const number = draft.data.number
    const before = { postmortems: await db.postmortem.count(), templates: await db.checklistTemplate.count() }

    expect(
      await createPostmortem({ actor: actor!, input: { title: 'From a script', launchId: null } }),
    ).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(
      await savePostmortem({
        actor: actor!,
        number,
        input: { baseVersion: 1, document: emptyDocument('Rewritten by a script') },
      }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(
      await createTemplate({ actor: actor!, input: { name: 'From a script', description: '' } }),
    ).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    // Nor does a token made by an admin make more tokens, or revoke its own.
    expect(await createApiToken({ actor: actor!, input: { name: 'more' } })).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect((await db.postmortem.findUniqueOrThrow({ where: { number } })).title).toBe('Replica lag')
    expect({
      postmortems: await db.postmortem.count(),
      templates: await db.checklistTemplate.count(),
    }).toEqual(before)
    // What it may do: read like a viewer (a draft is not shown to readers).
    expect((await getPostmortem({ actor: actor!, number })).ok).toBe(false)
  })

  it('are created, listed and revoked by admins only', async () => {
    const { id, token } = await newToken('gate')
    const count = await db.apiToken.count()
    for (const actor of [editor, viewer]) {
      expect(await createApiToken({ actor, input: { name: `by ${actor.name}` } }), actor.role).toEqual({
        ok: false,
        error: { code: 'FORBIDDEN' },
      })
      expect(await revokeApiToken({ actor, id }), actor.role).toEqual({
        ok: false,
        error: { code: 'FORBIDDEN' },
      })
      expect(await findApiTokens({ actor }), actor.role).toEqual([])
    }
    expect(await db.apiToken.count()).toBe(count)
    expect(await actorForToken(bearer(token))).not.toBeNull()
    expect((await db.apiToken.findUniqueOrThrow({ where: { id } })).revokedAt).toBeNull()
  })
})
