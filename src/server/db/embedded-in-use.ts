import { readdirSync, readlinkSync } from 'node:fs'

/** The embedded database is open in another process (a running Hindsight): stop it first. */
export class DatabaseInUse extends Error {}

/**
 * PGlite is one process: a second one opening the same folder would corrupt it. PGlite
 * keeps the folder's files open, so on Linux the processes using it are those with a file
 * descriptor inside it (/proc/<pid>/fd). Elsewhere this check finds nothing.
 */
export function processesUsing(dataDir: string): number[] {
  const prefix = `${dataDir.replace(/\/+$/, '')}/`
  let pids: string[]
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name) && Number(name) !== process.pid)
  } catch {
    return []
  }
  return pids
    .filter((pid) => {
      try {
        return readdirSync(`/proc/${pid}/fd`).some((fd) => {
          try {
            return readlinkSync(`/proc/${pid}/fd/${fd}`).startsWith(prefix)
          } catch {
            return false
          }
        })
      } catch {
        return false // gone, or not ours to read
      }
    })
    .map(Number)
}

/** Refuses a folder another process has open; every PGlite is opened through this check. */
export function assertNotInUse(dataDir: string) {
  if (dataDir.startsWith('memory://')) return
  const users = processesUsing(dataDir)
  if (users.length)
    throw new DatabaseInUse(
      `The embedded database in ${dataDir} is open in process ${users.join(', ')} (a running Hindsight?). Stop it first: the embedded database serves one process at a time.`,
    )
}
