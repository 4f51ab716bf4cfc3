import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { apiTokenInput } from './auth/schemas'
import type { Actor } from './roles'
import { itemInput, templateInput } from './checklists/schemas'
import { addItem } from './checklists/add-item'
import { createTemplate } from './checklists/create-template'
import { db } from './db'
import { importRetro } from './imports/import-retro'
import { parsedRetroSchema } from './imports/schemas'
import { createLaunch } from './launches/create-launch'
import { createLaunchInput } from './launches/schemas'
import { createPostmortem } from './postmortems/create-postmortem'
import { getPostmortem } from './postmortems/get-postmortem'
import { savePostmortem } from './postmortems/save-postmortem'
import { loadYDoc } from './collab/load-ydoc'
import { textOf } from '@/lib/shared-document/postmortem-ydoc'
import { createPostmortemInput, emptyDocument, savePostmortemInput } from './postmortems/schemas'
import { searchInput } from './postmortems/schemas'
import { similarInput } from './postmortems/schemas'
import { hashPassword, insertAccount } from './users/create-account'
import { createAccountInput } from './users/schemas'

/*
 * Issue 15: a NUL (U+0000) in any stored text made Postgres refuse the write (Prisma P2039),
 * a 500. Every input schema drops NULs before its other checks, so the text is saved
 * without them and nothing else changes.
 */
const NUL = '\u0000'
const hasNul = (value: unknown) => JSON.stringify(value).includes('\\u0000')

let editor: Actor

beforeAll(async () => {
  const input = createAccountInput.parse({
    name: `Eve${NUL} Editor`,
    email: 'eve@example.com',
    password: 'password-1',
  })
  const hash = await hashPassword(input.password)
  editor = await db.$transaction((tx) => insertAccount(tx, { ...input, role: 'EDITOR' }, hash))
})

describe('text with a NUL byte', () => {
  it('saves a person’s name without it', async () => {
    expect(editor.name).toBe('Eve Editor')
    const saved = await db.user.findUniqueOrThrow({ where: { id: editor.id }, select: { name: true } })
    expect(saved.name).toBe('Eve Editor')
  })

  it('saves every postmortem field without it', async () => {
    const created = await createPostmortem({
      actor: editor,
      input: createPostmortemInput.parse({ title: `Check${NUL}out`, launchId: '' }),
    })
    if (!created.ok) throw new Error(created.error.code)
    const document = {
      ...emptyDocument('x'),
      title: `Checkout${NUL} outage`,
      summary: `a${NUL}b`,
      symptom: NUL,
      tags: [`pay${NUL}ments`],
      hypotheses: [{ id: randomUUID(), statement: `h${NUL}`, status: 'OPEN', evidence: `e${NUL}` }],
      timeline: [{ id: randomUUID(), at: null, kind: 'OBSERVATION', text: `t${NUL}`, hypothesisId: null }],
      lessons: [{ id: randomUUID(), text: `l${NUL}` }],
      actionItems: [
        { id: randomUUID(), title: `a${NUL}`, ownerId: null, dueDate: null, status: 'OPEN', link: null },
      ],
      metric: { label: `m${NUL}`, before: '1', after: '2' },
    }
    const input = savePostmortemInput.parse({ baseVersion: 1, document })
    const saved = await savePostmortem({ actor: editor, number: created.data.number, input })
    expect(saved.ok).toBe(true)
    const read = await getPostmortem({ actor: editor, number: created.data.number })
    if (!read.ok) throw new Error(read.error.code)
    expect(hasNul(read.data)).toBe(false)
    expect(read.data.document).toMatchObject({ title: 'Checkout outage', summary: 'ab', tags: ['payments'] })
  })

  it('saves a launch, a checklist template and its item without it', async () => {
    const launch = await createLaunch({
      actor: editor,
      input: createLaunchInput.parse({ name: `Launch${NUL} 1`, description: `d${NUL}` }),
    })
    expect(launch.ok).toBe(true)
    const template = await createTemplate({
      actor: editor,
      input: templateInput.parse({ name: `Pre${NUL}flight`, description: NUL }),
    })
    if (!template.ok) throw new Error(template.error.code)
    const item = await addItem({
      actor: editor,
      templateId: template.data.id,
      input: itemInput.parse({ text: `Check${NUL} backups`, rationale: `r${NUL}`, category: `c${NUL}` }),
    })
    expect(item.ok).toBe(true)
    const rows = await Promise.all([
      db.launch.findMany({ select: { name: true, description: true } }),
      db.checklistTemplate.findMany({ select: { name: true, description: true } }),
      db.checklistItem.findMany({ select: { text: true, rationale: true, category: true } }),
    ])
    expect(hasNul(rows)).toBe(false)
    expect(rows[0]).toContainEqual({ name: 'Launch 1', description: 'd' })
  })

  it('imports a reviewed retro without it', async () => {
    const retro = parsedRetroSchema.parse({
      launch: { name: `Retro${NUL} launch` },
      postmortems: [
        {
          title: `Imported${NUL}`,
          summary: `s${NUL}`,
          symptom: '',
          detection: '',
          impact: '',
          hypotheses: [],
          timeline: [],
          rootCause: `r${NUL}`,
          resolution: '',
          resolutionKind: null,
          verification: '',
          metric: null,
          openQuestions: [],
          lessons: [`l${NUL}`],
          actionItems: [],
          unmapped: [],
        },
      ],
    })
    const imported = await importRetro({ actor: editor, retro })
    if (!imported.ok) throw new Error(imported.error.code)
    const read = await getPostmortem({ actor: editor, number: imported.data.numbers[0]! })
    if (!read.ok) throw new Error(read.error.code)
    expect(hasNul(read.data)).toBe(false)
    expect(read.data.document.title).toBe('Imported')
  })

  it('drops it from token names and searches too', () => {
    expect(apiTokenInput.parse({ name: `ci${NUL}` }).name).toBe('ci')
    expect(searchInput.parse({ q: `disk${NUL} full` }).q).toBe('disk full')
    expect(similarInput.parse({ text: `disk${NUL}` }).text).toBe('disk')
  })
})

describe('text with Windows line ends', () => {
  it('saves every line end as \\n, in the postmortem and in the shared text its editor types into', async () => {
    const created = await createPostmortem({
      actor: editor,
      input: createPostmortemInput.parse({ title: 'Line ends', launchId: '' }),
    })
    if (!created.ok) throw new Error(created.error.code)
    const { number } = created.data
    const document = {
      ...emptyDocument('x'),
      title: 'Line ends',
      rootCause: '第一行\r\nsecond line\rthird line\r\n',
      lessons: [{ id: randomUUID(), text: 'one\r\ntwo' }],
    }
    const input = savePostmortemInput.parse({ baseVersion: 1, document })
    expect((await savePostmortem({ actor: editor, number, input })).ok).toBe(true)
    const read = await getPostmortem({ actor: editor, number })
    if (!read.ok) throw new Error(read.error.code)
    expect(read.data.document.rootCause).toBe('第一行\nsecond line\nthird line\n')
    expect(read.data.document.lessons[0]!.text).toBe('one\ntwo')
    const ydoc = await loadYDoc(read.data.id)
    expect(textOf(ydoc!, 'rootCause').toString()).toBe('第一行\nsecond line\nthird line\n')
  })
})
