import { describe, expect, it } from 'vitest'
import { actorForToken, createApiToken } from '../auth/api-tokens'
import type { Actor } from '../roles'
import { db } from '../db'
import { insertLaunch } from '../launches/create-launch'
import { getLaunch, getLaunchPostmortems } from '../launches/find-launches'
import { createFirstAdmin } from '../users/create-first-admin'
import { createPostmortem } from './create-postmortem'
import { getPostmortem } from './get-postmortem'
import { launchToMarkdown, postmortemToMarkdown } from './to-markdown'

describe('Markdown export: owners by name for readers, by email for editors (real database)', () => {
  it('shows no email to viewers or API tokens, in a postmortem or a launch export', async () => {
    const first = await createFirstAdmin({
      input: { name: 'Olga Owner', email: 'olga@example.com', password: 'a good password' },
    })
    if (!first.ok) throw new Error(first.error.code)
    const admin: Actor = { id: first.data.id, name: 'Olga Owner', email: 'olga@example.com', role: 'ADMIN' }
    const launch = await db.$transaction((tx) =>
      insertLaunch(tx, { name: 'Export launch', description: '', plannedAt: null, launchedAt: null }),
    )
    const created = await createPostmortem({ actor: admin, input: { title: 'Owned', launchId: launch.id } })
    if (!created.ok) throw new Error(created.error.code)
    const { id } = await db.postmortem.update({
      where: { number: created.data.number },
      data: { status: 'PUBLISHED' },
    })
    await db.actionItem.create({
      data: { postmortemId: id, position: 0, title: 'Add an index', ownerId: admin.id },
    })

    const token = await createApiToken({ actor: admin, input: { name: 'wiki sync' } })
    if (!token.ok) throw new Error(token.error.code)
    const tokenActor = await actorForToken(`Bearer ${token.data.token}`)
    const readers: Actor[] = [{ ...admin, role: 'VIEWER' }, tokenActor!]
    for (const actor of readers) {
      const view = await getPostmortem({ actor, number: created.data.number })
      if (!view.ok) throw new Error(view.error.code)
      const markdown = postmortemToMarkdown(view.data)
      expect(markdown).toContain('Owner: Olga Owner\n')
      expect(markdown).not.toContain('olga@example.com')
      expect(view.data.people[admin.id]).toEqual({ name: 'Olga Owner', email: null })

      const launchView = await getLaunch({ actor, slug: launch.slug })
      if (!launchView.ok) throw new Error(launchView.error.code)
      const whole = launchToMarkdown(
        launchView.data,
        await getLaunchPostmortems({ actor, launch: launchView.data }),
      )
      expect(whole).toContain('Owner: Olga Owner\n')
      expect(whole).not.toContain('olga@example.com')
    }

    // Editors export to re-import elsewhere: owners travel by email (decision 005).
    const editorView = await getPostmortem({
      actor: { ...admin, role: 'EDITOR' },
      number: created.data.number,
    })
    if (!editorView.ok) throw new Error(editorView.error.code)
    const markdown = postmortemToMarkdown(editorView.data)
    expect(markdown).toContain('Owner: Olga Owner <olga@example.com>')
    expect(markdown).toContain('"owner":"olga@example.com"')
  })
})
