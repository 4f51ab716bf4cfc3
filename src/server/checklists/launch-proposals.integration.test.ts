import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../roles'
import { db } from '../db'
import { insertLaunch } from '../launches/create-launch'
import { setLaunchTaxonomy } from '../launches/set-launch-taxonomy'
import { createPostmortem } from '../postmortems/create-postmortem'
import { savePostmortem } from '../postmortems/save-postmortem'
import { emptyDocument } from '../postmortems/schemas'
import { createTemplate } from './create-template'
import { turnLessonIntoItem } from './turn-lesson-into-item'
import { itemInput } from './schemas'
import { getLaunchReview } from './launch-review'
import { proposeChecks } from './propose-checks'
import { acceptProposedIncident, acceptProposedItem } from './accept-proposal'
import { dismissProposal } from './dismiss-proposal'
import { getInsights } from '../insights/get-insights'
import { insightsToCsv } from '../insights/insights-csv'
import { insightsInput } from '../insights/schemas'
import { person, unwrap } from '@/test/people'

let editor: Actor
let viewer: Actor
let templateId: string

/** A published postmortem on these services/tags whose lessons became checklist items. */
async function incident(
  title: string,
  opts: {
    services?: string[]
    tags?: string[]
    severity?: 'SEV1' | 'SEV2' | 'SEV3'
    lessons: string[]
    items?: boolean
    rootCause?: string
  },
) {
  const pm = unwrap(await createPostmortem({ actor: editor, input: { title, launchId: null } }))
  const lessons = opts.lessons.map((text) => ({ id: randomUUID(), text }))
  unwrap(
    await savePostmortem({
      actor: editor,
      number: pm.number,
      input: {
        baseVersion: 1,
        document: {
          ...emptyDocument(title),
          severity: opts.severity ?? null,
          rootCause: opts.rootCause ?? '',
          services: opts.services ?? [],
          tags: opts.tags ?? [],
          lessons,
        },
      },
    }),
  )
  await db.postmortem.update({
    where: { number: pm.number },
    data: { status: 'PUBLISHED', publishedAt: new Date() },
  })
  const items: string[] = []
  if (opts.items !== false)
    for (const l of lessons)
      items.push(
        unwrap(
          await turnLessonIntoItem({
            actor: editor,
            number: pm.number,
            lessonId: l.id,
            input: { templateId, ...itemInput.parse({ text: l.text, required: true }) },
          }),
        ).id,
      )
  return { number: pm.number, items }
}

async function launch(name: string, description = '', taxonomy?: { services?: string[]; tags?: string[] }) {
  const l = await db.$transaction((tx) =>
    insertLaunch(tx, { name, description, plannedAt: null, launchedAt: null }),
  )
  if (taxonomy)
    unwrap(
      await setLaunchTaxonomy({
        actor: editor,
        slug: l.slug,
        input: { services: [], tags: [], ...taxonomy },
      }),
    )
  return l
}

beforeAll(async () => {
  editor = await person('Eve', 'EDITOR')
  viewer = await person('Vic', 'VIEWER')
  templateId = unwrap(
    await createTemplate({ actor: editor, input: { name: `Lessons ${randomUUID()}`, description: '' } }),
  ).id
})

describe('launch proposals', () => {
  it('propose items learned on the launch’s services and tags, most incidents first, with why', async () => {
    const svc = `billing-${randomUUID().slice(0, 8)}`
    const tag = `cache-${randomUUID().slice(0, 8)}`
    const a = await incident('Invoices doubled', {
      services: [svc],
      severity: 'SEV3',
      lessons: ['Replay idempotency keys in staging'],
    })
    const b = await incident('发票重复', {
      tags: [tag],
      severity: 'SEV1',
      lessons: ['上线前检查缓存失效策略'],
    })
    const elsewhere = await incident('Unrelated outage', {
      services: ['other-service'],
      lessons: ['Unrelated check'],
    })
    const l = await launch('Billing v2', '', { services: [svc], tags: [tag] })

    const proposals = unwrap(await proposeChecks({ actor: editor, slug: l.slug }))
    expect(proposals.hasTaxonomy).toBe(true)
    const texts = proposals.items.map((i) => i.text)
    expect(texts).toEqual(['上线前检查缓存失效策略', 'Replay idempotency keys in staging']) // SEV1 first
    expect(texts).not.toContain('Unrelated check')
    expect(proposals.items[1]).toMatchObject({
      checklistItemId: a.items[0],
      incidents: [{ number: a.number, title: 'Invoices doubled' }],
      services: [svc],
      tags: [],
    })
    expect(proposals.items[0]).toMatchObject({ incidents: [{ number: b.number }], tags: [tag] })
    expect(elsewhere.items).toHaveLength(1)
  })

  it('a launch without services or tags gets no item proposals', async () => {
    const l = await launch('Bare launch')
    const proposals = unwrap(await proposeChecks({ actor: editor, slug: l.slug }))
    expect(proposals).toMatchObject({ hasTaxonomy: false, items: [] })
  })

  it('accepting adds the check and it is no longer proposed; dismissing needs a reason and hides it', async () => {
    const svc = `search-${randomUUID().slice(0, 8)}`
    const pm = await incident('Search index lag', {
      services: [svc],
      lessons: ['Rebuild the index on a replica first', 'Watch the indexing queue'],
    })
    const l = await launch('Search v3', '', { services: [svc] })

    unwrap(await acceptProposedItem({ actor: editor, slug: l.slug, checklistItemId: pm.items[0]! }))
    const review = await getLaunchReview({ actor: editor, launchId: l.id })
    expect(review.checks.map((c) => c.text)).toEqual(['Rebuild the index on a replica first'])

    const missing = await dismissProposal({
      actor: editor,
      slug: l.slug,
      input: { checklistItemId: pm.items[1], reason: '  ' },
    })
    expect(missing).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    unwrap(
      await dismissProposal({
        actor: editor,
        slug: l.slug,
        input: { checklistItemId: pm.items[1], reason: 'No queue here' },
      }),
    )
    const after = unwrap(await proposeChecks({ actor: editor, slug: l.slug }))
    expect(after.items).toEqual([])
    // Still readable, with why, who and when.
    expect(after.dismissed).toMatchObject([
      {
        checklistItem: { id: pm.items[1], text: 'Watch the indexing queue' },
        incident: null,
        reason: 'No queue here',
        by: editor.name,
      },
    ])

    const audit = await db.auditEvent.findFirst({
      where: { action: 'launch-proposal-dismissed', target: `launch:${l.slug}` },
    })
    expect(audit?.detail).toContain('No queue here')

    // The insights' loop counts the dismissal per item, with its reason, in JSON and CSV.
    const insights = unwrap(await getInsights({ actor: viewer, input: insightsInput.parse({}) }))
    const loopItem = insights.loop.checklistItems.find((i) => i.id === pm.items[1])
    expect(loopItem).toMatchObject({
      dismissed: 1,
      dismissals: [{ slug: l.slug, name: 'Search v3', reason: 'No queue here' }],
    })
    expect(insightsToCsv(insights)).toContain(
      `checklistItemDismissedProposals,Watch the indexing queue,${pm.items[1]},1`,
    )
  })

  it('viewers can neither accept nor dismiss', async () => {
    const svc = `auth-${randomUUID().slice(0, 8)}`
    const pm = await incident('Login loop', { services: [svc], lessons: ['Test the cookie domain'] })
    const l = await launch('Auth v2', '', { services: [svc] })
    expect(
      await acceptProposedItem({ actor: viewer, slug: l.slug, checklistItemId: pm.items[0]! }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(
      await dismissProposal({
        actor: viewer,
        slug: l.slug,
        input: { checklistItemId: pm.items[0], reason: 'No' },
      }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await setLaunchTaxonomy({ actor: viewer, slug: l.slug, input: { services: [] } })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
  })

  it('accepting a similar incident without items adds an ad-hoc check from its first lesson', async () => {
    const pm = await incident('Kafka consumer lag during rebalance', {
      lessons: ['Throttle consumer rebalance before deploys'],
      rootCause: 'The Kafka consumer group rebalance stalled and consumer lag grew for an hour.',
      items: false,
    })
    const l = await launch(
      'Kafka consumer rebalance',
      'Move the consumer group; rebalance and consumer lag risk',
    )
    unwrap(await acceptProposedIncident({ actor: editor, slug: l.slug, number: pm.number }))
    const review = await getLaunchReview({ actor: editor, launchId: l.id })
    expect(review.checks[0]).toMatchObject({ text: 'Throttle consumer rebalance before deploys' })
    expect(review.checks[0]?.rationale).toContain(`#${pm.number} Kafka consumer lag during rebalance`)
  })
})
