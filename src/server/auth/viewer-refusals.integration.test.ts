import { beforeAll, describe, expect, it } from 'vitest'
import { itemInput } from '../checklists/schemas'
import { addItem } from '../checklists/add-item'
import { moveItem } from '../checklists/move-item'
import { reorderItems } from '../checklists/reorder-items'
import { setItemArchived } from '../checklists/set-item-archived'
import { updateItem } from '../checklists/update-item'
import { createTemplate } from '../checklists/create-template'
import { setTemplateArchived } from '../checklists/set-template-archived'
import { updateTemplate } from '../checklists/update-template'
import { applicationTables, quoteIdent } from '../backup/schema-tables'
import type { SqlConnection } from '../backup/sql-connection'
import { db } from '../db'
import { loadDemo } from '../demo/load-demo'
import { createPostmortem } from '../postmortems/create-postmortem'
import type { Actor } from '../roles'
import { person, unwrap } from '@/test/people'

/*
 * A viewer who calls a use case directly (a hand-made request to a server action, say)
 * gets FORBIDDEN from the use case itself, and the database is exactly as it was.
 */

let editor: Actor
let viewer: Actor
let templateId: string
let itemIds: string[]

const item = (text: string) => itemInput.parse({ text, required: true })

/** Prisma's connection, seen as the plain SQL connection the backup code reads tables with. */
const connection: SqlConnection = {
  kind: 'postgres',
  query: <T>(sql: string, params: unknown[] = []) => db.$queryRawUnsafe<T[]>(sql, ...params),
  close: async () => {},
}

/** Every row of every application table, as Postgres prints it: equal snapshots, nothing written. */
async function everyRow() {
  const out: Record<string, string[]> = {}
  for (const { name } of await applicationTables(connection))
    out[name] = (
      await connection.query<{ j: string }>(
        `SELECT row_to_json(t)::text AS j FROM ${quoteIdent(name)} t ORDER BY 1`,
      )
    ).map((r) => r.j)
  return out
}

const forbidden = { ok: false, error: { code: 'FORBIDDEN' } }

beforeAll(async () => {
  editor = await person('Eve', 'EDITOR')
  viewer = await person('Vic', 'VIEWER')
  templateId = unwrap(
    await createTemplate({ actor: editor, input: { name: 'Pre-launch', description: '' } }),
  ).id
  itemIds = []
  for (const text of ['Run the migration on a copy', 'Check the indexes'])
    itemIds.push(unwrap(await addItem({ actor: editor, templateId, input: item(text) })).id)
})

describe('a viewer is refused by the use case, and nothing is written (real database)', () => {
  it.each([
    ['createTemplate', () => createTemplate({ actor: viewer, input: { name: 'Mine', description: '' } })],
    [
      'updateTemplate',
      () => updateTemplate({ actor: viewer, id: templateId, input: { name: 'Renamed', description: 'x' } }),
    ],
    ['setTemplateArchived', () => setTemplateArchived({ actor: viewer, id: templateId, archived: true })],
    ['addItem', () => addItem({ actor: viewer, templateId, input: item('Added by a viewer') })],
    ['updateItem', () => updateItem({ actor: viewer, itemId: itemIds[0]!, input: item('Reworded') })],
    ['reorderItems', () => reorderItems({ actor: viewer, templateId, ids: [...itemIds].reverse() })],
    ['moveItem', () => moveItem({ actor: viewer, itemId: itemIds[1]!, direction: 'up' })],
    ['setItemArchived', () => setItemArchived({ actor: viewer, itemId: itemIds[0]!, archived: true })],
    ['createPostmortem', () => createPostmortem({ actor: viewer, input: { title: 'Mine', launchId: null } })],
    ['loadDemo', () => loadDemo({ actor: viewer })],
  ] as const)('%s', async (_, call) => {
    const before = await everyRow()
    expect(before.ChecklistItem).toHaveLength(2)
    expect(await call()).toEqual(forbidden)
    expect(await everyRow()).toEqual(before)
  })

  it('while an editor may do the same (the refusal is about the role)', async () => {
    const before = await everyRow()
    unwrap(await moveItem({ actor: editor, itemId: itemIds[1]!, direction: 'up' }))
    unwrap(await moveItem({ actor: editor, itemId: itemIds[0]!, direction: 'up' }))
    unwrap(await createPostmortem({ actor: editor, input: { title: 'Mine', launchId: null } }))
    expect(await everyRow()).not.toEqual(before)
  })
})
