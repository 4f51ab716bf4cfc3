// npm run import -- <file-or-folder> [--dry-run] [--json] [--as <email>]
// Imports Markdown retros through the same code as the browser import.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import type { Actor } from '../src/server/roles'
import { previewRetro } from '../src/server/imports/preview-retro'
import { parseWhileSaving } from './lib/parse-while-saving'

// The database is opened only to save (a dry run touches nothing).
const database = () => import('../src/server/db').then((m) => m.db)

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'dry-run': { type: 'boolean' }, json: { type: 'boolean' }, as: { type: 'string' } },
})

function files(target: string): string[] {
  const stat = statSync(target)
  if (!stat.isDirectory()) return [target]
  return readdirSync(target, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(md|markdown)$/i.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .sort()
}

async function actor(): Promise<Actor> {
  await (await import('./lib/prepare-database')).prepareDatabase()
  const { findCommandLineActor } = await import('../src/server/users/command-line-actor')
  const found = await findCommandLineActor({ email: values.as })
  if (!found.ok) throw new Error(found.error.message)
  return found.data
}

/** Files read and saved together. */
const BATCH = 100

function progress(done: number, total: number, label: string) {
  if (values.json || total < 2) return
  const width = 24
  const filled = Math.round((done / total) * width)
  process.stderr.write(
    `\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total} ${label.slice(-40).padEnd(40)}`,
  )
  if (done === total) process.stderr.write('\n')
}

async function main(): Promise<number> {
  const target = positionals[0]
  if (!target) {
    console.error('Usage: npm run import -- <file-or-folder> [--dry-run] [--json] [--as <email>]')
    return 2
  }
  const list = files(target)
  const dry = values['dry-run']
  const who = dry ? null : await actor()
  const results: object[] = []
  let failed = 0
  // A folder is saved a batch at a time (one transaction, one insert per table; each file still
  // all or nothing: import-retro.ts), the next batch read while one is saved, and the progress bar
  // moving as each batch is saved.
  let done = 0
  await parseWhileSaving(
    list,
    BATCH,
    // No server to keep responsive here: only the 5 MB cap, not the preview limits.
    (file) => ({ file, preview: previewRetro(readFileSync(file, 'utf8'), { limits: null }) }),
    async (batch) => {
      const readable = batch.flatMap(({ file, preview }) =>
        preview.ok ? [{ file, retro: preview.data }] : [],
      )
      const saved =
        dry || !readable.length
          ? []
          : await (
              await import('../src/server/imports/import-retro')
            ).importRetros({
              actor: who!,
              retros: readable.map((r) => r.retro),
            })
      for (const { file, preview } of batch) {
        if (!preview.ok) {
          failed++
          results.push({ file, error: preview.error.message })
          if (!values.json) console.error(`\n${file}: cannot import (${preview.error.message})`)
        } else if (dry) results.push({ file, ...preview.data })
        else {
          const result = saved[readable.findIndex((r) => r.file === file)]!
          if (!result.ok) failed++
          results.push({
            file,
            ...(result.ok ? result.data : { error: result.error.message ?? result.error.code }),
          })
        }
      }
      done += batch.length
      progress(done, list.length, path.basename(batch.at(-1)!.file))
    },
  )
  if (values.json) {
    const single = list.length === 1 && !statSync(target).isDirectory()
    const out = single
      ? (({ file: _file, ...rest }) => rest)(results[0] as { file: string })
      : { files: results }
    console.log(JSON.stringify(out, null, 2))
  } else
    for (const r of results as {
      file: string
      launch?: { name?: string; slug?: string } | null
      postmortems?: { title: string }[]
      numbers?: number[]
      error?: string
    }[]) {
      if (r.error) continue
      if (dry)
        console.log(
          `${r.file}: ${r.launch?.name ? `launch “${r.launch.name}”, ` : ''}${r.postmortems?.length} postmortem(s): ${r.postmortems?.map((p) => p.title).join(' · ')}`,
        )
      else
        console.log(
          `${r.file}: imported ${r.numbers?.map((n) => `PM-${n}`).join(', ')}${r.launch ? ` in launch /launches/${r.launch.slug}` : ''}`,
        )
    }
  return failed ? 1 : 0
}

main()
  .then(async (code) => {
    if (!values['dry-run']) await (await database()).$disconnect()
    process.exit(code)
  })
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  })
