import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Actor } from '@/server/roles'
import { db } from '@/server/db'
import { importRetro } from '@/server/imports/import-retro'
import { previewRetro } from '@/server/imports/preview-retro'
import { getPostmortem } from '@/server/postmortems/get-postmortem'

const fixtures = path.resolve(import.meta.dirname, '..', 'server', 'imports', 'fixtures')

/**
 * An editor (and a viewer like them) and the seed retro's four incidents plus the English
 * fixtures, imported through the real use case; `numbers` maps each postmortem's title to its number.
 */
export async function importFixtures(): Promise<{
  editor: Actor
  viewer: Actor
  numbers: Record<string, number>
}> {
  const editor = await db.user.create({
    data: { id: 'ed', name: 'Ed', email: 'ed@example.com', role: 'EDITOR' },
    select: { id: true, name: true, email: true, role: true },
  })
  const numbers: Record<string, number> = {}
  for (const file of [
    'launch-retro-mobile-alliance-1.1.zh.md',
    'sre-style.en.md',
    'timeline-heavy.en.md',
    'free-form.en.md',
  ]) {
    const preview = previewRetro(readFileSync(path.join(fixtures, file), 'utf8'))
    if (!preview.ok) throw new Error(file)
    const saved = await importRetro({ actor: editor, retro: preview.data })
    if (!saved.ok) throw new Error(file)
    for (const number of saved.data.numbers) {
      const pm = await getPostmortem({ actor: editor, number })
      if (pm.ok) numbers[pm.data.document.title] = number
    }
  }
  return { editor, viewer: { ...editor, id: 'vi', role: 'VIEWER' }, numbers }
}
