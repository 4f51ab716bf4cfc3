import { open, readFile, rm } from 'node:fs/promises'

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Runs `fn` holding an exclusive lock file (created with O_EXCL, holding the owner's pid).
 * A lock left by a process that died is taken over. Used where Postgres' advisory locks
 * are not available: the embedded database's migrations.
 */
export async function withFileLock<T>(
  file: string,
  fn: () => Promise<T>,
  { pollMs = 100, timeoutMs = 120_000 } = {},
) {
  const deadline = Date.now() + timeoutMs
  const token = `${process.pid}:${Math.random().toString(36).slice(2)}`
  for (;;) {
    try {
      const handle = await open(file, 'wx')
      await handle.writeFile(token)
      await handle.close()
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const owner = Number((await readFile(file, 'utf8').catch(() => '')).split(':')[0])
      if (owner && !alive(owner)) {
        await rm(file, { force: true })
        continue
      }
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${file} (held by process ${owner})`)
      await new Promise((resolve) => setTimeout(resolve, pollMs))
    }
  }
  try {
    return await fn()
  } finally {
    if ((await readFile(file, 'utf8').catch(() => '')) === token) await rm(file, { force: true })
  }
}
