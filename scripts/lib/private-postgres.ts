// A throw-away Postgres cluster of our own (initdb into a temp folder of its own, own port),
// for tests that stop and start the database. It never touches the shared cluster on 5432.
import { spawnSync } from 'node:child_process'
import { chownSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'

const BIN = ['/usr/lib/postgresql/17/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/15/bin'].find(
  (dir) => existsSync(path.join(dir, 'pg_ctl')),
)

export type PrivateCluster = { port: number; dir: string; url: string }

/** A cluster on `port` in folder `dir` (by default a new one of its own under the temp dir). */
export function privateCluster(
  port: number,
  dir = mkdtempSync(path.join(os.tmpdir(), 'hindsight-pg-')),
): PrivateCluster {
  return { port, dir, url: `postgresql://postgres@127.0.0.1:${port}/hindsight` }
}

/** Runs a Postgres binary; as root, as the postgres user (initdb refuses root). */
function run(binary: string, args: string[], { check = true } = {}) {
  if (!BIN)
    throw new Error('No Postgres binaries under /usr/lib/postgresql/*/bin (apt-get install postgresql).')
  const command = path.join(BIN, binary)
  const asRoot = process.getuid?.() === 0
  const result = asRoot
    ? spawnSync('runuser', ['-u', 'postgres', '--', command, ...args], { encoding: 'utf8' })
    : spawnSync(command, args, { encoding: 'utf8' })
  if (check && result.status !== 0)
    throw new Error(
      `${binary} ${args.join(' ')} failed (${result.status}): ${result.stderr || result.stdout}`,
    )
  return result
}

export function startCluster({ dir, port }: PrivateCluster) {
  run('pg_ctl', [
    '-D',
    path.join(dir, 'data'),
    '-l',
    path.join(dir, 'postgres.log'),
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`,
    '-w',
    '-t',
    '60',
    'start',
  ])
}

/** Fast shutdown: connections are cut, as when a database server goes away. */
export function stopCluster({ dir }: PrivateCluster, { check = true } = {}) {
  if (!existsSync(path.join(dir, 'data', 'postmaster.pid'))) return
  run('pg_ctl', ['-D', path.join(dir, 'data'), '-m', 'fast', '-w', '-t', '60', 'stop'], { check })
}

/** Stops the cluster if it runs and deletes its folder. Safe to call more than once. */
export function removeCluster(cluster: PrivateCluster) {
  stopCluster(cluster, { check: false })
  rmSync(cluster.dir, { recursive: true, force: true })
}

/** A new cluster with an empty UTF-8 database `hindsight`, running. Whatever was in its folder is removed first. */
export async function createCluster(cluster: PrivateCluster): Promise<PrivateCluster> {
  removeCluster(cluster)
  mkdirSync(cluster.dir, { recursive: true, mode: 0o700 })
  if (process.getuid?.() === 0) {
    const { uid, gid } = userIds('postgres')
    chownSync(cluster.dir, uid, gid)
  }
  run('initdb', [
    '-D',
    path.join(cluster.dir, 'data'),
    '-A',
    'trust',
    '-U',
    'postgres',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
  ])
  startCluster(cluster)
  const admin = new pg.Client({ connectionString: cluster.url.replace(/\/hindsight$/, '/postgres') })
  await admin.connect()
  await admin.query(`CREATE DATABASE hindsight TEMPLATE template0 ENCODING 'UTF8'`)
  await admin.end()
  return cluster
}

function userIds(name: string) {
  const out = spawnSync('id', ['-u', name], { encoding: 'utf8' })
  const group = spawnSync('id', ['-g', name], { encoding: 'utf8' })
  return { uid: Number(out.stdout.trim()), gid: Number(group.stdout.trim()) }
}
