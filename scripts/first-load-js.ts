// npx tsx scripts/first-load-js.ts [--json] — after `next build`: the JavaScript each page
// loads on a first visit (the root main files plus every chunk its layouts, boundaries and
// page need, from .next's client reference manifests; Turbopack's build output no longer
// prints sizes), in kB raw and gzipped, and whether the postmortem editor
// (src/components/postmortems/editor/*) ships with it: only the 'use client' boundary a page
// imports is named in the manifest, so the chunks are searched for the editor's own strings
// (its autosave's localStorage key).
import { readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

const next = path.join(process.cwd(), '.next')
/** Strings only the editor's code contains (src/components/postmortems/editor/use-autosave.ts). */
const editorMarks = ['hindsight:postmortem:']
const pages = [
  '/(app)/postmortems/(list)/page',
  '/(app)/postmortems/[number]/page',
  '/(app)/postmortems/[number]/edit/page',
  '/(app)/launches/[slug]/page',
  '/(app)/search/page',
  '/(app)/my-work/page',
  '/(app)/insights/page',
  '/(auth)/sign-in/page',
]

type Manifest = { entryJSFiles: Record<string, string[]> }

function manifest(page: string): Manifest {
  const file = path.join(next, 'server', 'app', `${page}_client-reference-manifest.js`)
  const scope: { __RSC_MANIFEST?: Record<string, Manifest> } = {}
  new Function('globalThis', readFileSync(file, 'utf8'))(scope)
  return scope.__RSC_MANIFEST![page]!
}

const kB = (bytes: number) => Math.round(bytes / 102.4) / 10
const build = JSON.parse(readFileSync(path.join(next, 'build-manifest.json'), 'utf8')) as {
  rootMainFiles: string[]
}

const rows = pages.map((page) => {
  const m = manifest(page)
  const files = new Set([...build.rootMainFiles, ...Object.values(m.entryJSFiles).flat()])
  let raw = 0
  let gzip = 0
  let editor = false
  for (const file of files) {
    const full = path.join(next, file)
    const code = readFileSync(full)
    raw += statSync(full).size
    gzip += gzipSync(code).length
    editor ||= editorMarks.every((mark) => code.includes(mark))
  }
  return {
    page: page.replace(/\/\([^)]+\)/, '').replace(/\/page$/, '') || '/',
    chunks: files.size,
    first_load_kb: kB(raw),
    first_load_gzip_kb: kB(gzip),
    editor,
  }
})
if (process.argv.includes('--json')) console.log(JSON.stringify(rows, null, 2))
else console.table(rows)
