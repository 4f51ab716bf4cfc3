// Test runs make many embedded databases, and a new PGlite folder first runs initdb in
// WebAssembly: about 4–6 s of CPU, three times what the migrations then take. This keeps one
// folder that initdb made, and one migrated by this checkout's migrations, and gives each
// test database a copy (a few hundred ms). `npm start` on a new folder still runs initdb.
import { createHash } from 'node:crypto'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
} from 'node:fs'
import path from 'node:path'
import { openPGlite } from '../../src/server/db/adapter'
import { migrate, migrationsDir } from '../../src/server/db/migrations'

/** The checkout, as migrations.ts finds it: every script and test runs from it. */
const root = process.cwd()

/** What a template depends on: the PGlite build and, once migrated, every migration's text. */
function key(migrated: boolean) {
  const hash = createHash('sha256')
  hash.update(readFileSync(path.join(root, 'node_modules/@electric-sql/pglite/package.json')))
  if (migrated)
    for (const name of readdirSync(migrationsDir).sort()) {
      const file = path.join(migrationsDir, name, 'migration.sql')
      if (existsSync(file)) hash.update(name).update(readFileSync(file))
    }
  return `${migrated ? 'migrated' : 'empty'}-${hash.digest('hex').slice(0, 16)}`
}

/**
 * The template folder, made on first use. Processes that race to make it each make their own
 * and rename it into place: the first wins, the others drop theirs.
 */
async function template(migrated: boolean): Promise<string> {
  const cache = path.join(root, 'node_modules', '.cache', 'hindsight-pglite')
  const folder = path.join(cache, key(migrated))
  if (existsSync(folder)) return folder
  mkdirSync(cache, { recursive: true })
  const making = mkdtempSync(path.join(cache, 'making-'))
  try {
    if (migrated) {
      cpSync(await template(false), making, { recursive: true })
      await migrate({ kind: 'pglite', dataDir: making })
    } else {
      const db = openPGlite(making)
      await db.waitReady
      await db.close()
    }
    try {
      renameSync(making, folder)
    } catch (error) {
      if (!existsSync(folder)) throw error
    }
    // Templates of earlier migrations (or another PGlite) are of no more use: 40 MB each.
    const kind = path.basename(folder).split('-')[0]!
    for (const old of readdirSync(cache))
      if (old.startsWith(`${kind}-`) && old !== path.basename(folder))
        rmSync(path.join(cache, old), { recursive: true, force: true })
  } finally {
    rmSync(making, { recursive: true, force: true })
  }
  return folder
}

/** Fills an empty folder with a new embedded database: migrated, or as initdb left it. */
export async function copyPGliteTemplate(dataDir: string, { migrated }: { migrated: boolean }) {
  cpSync(await template(migrated), dataDir, { recursive: true })
}
