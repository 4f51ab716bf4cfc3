import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import { createGunzip } from 'node:zlib'
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, backupHeader, type BackupHeader } from './backup-format'

export class BackupFileError extends Error {}

/** The lines of a gzipped backup, one at a time (the file is never held in memory). */
export async function* backupLines(file: string): AsyncGenerator<string> {
  const input = createReadStream(file).pipe(createGunzip())
  const lines = createInterface({ input, crlfDelay: Infinity })
  try {
    for await (const line of lines) if (line) yield line
  } catch (error) {
    throw new BackupFileError(`${file} is not a readable Hindsight backup (${(error as Error).message}).`)
  } finally {
    lines.close()
    input.destroy()
  }
}

export function parseHeader(line: string | undefined, file: string): BackupHeader {
  let value: unknown
  try {
    value = JSON.parse(line ?? '')
  } catch {
    throw new BackupFileError(`${file} is not a Hindsight backup.`)
  }
  const parsed = backupHeader.safeParse(value)
  if (!parsed.success || parsed.data.format !== BACKUP_FORMAT)
    throw new BackupFileError(`${file} is not a Hindsight backup.`)
  if (parsed.data.formatVersion > BACKUP_FORMAT_VERSION)
    throw new BackupFileError(
      `${file} uses backup format ${parsed.data.formatVersion}; this Hindsight reads up to ${BACKUP_FORMAT_VERSION}. Upgrade Hindsight first.`,
    )
  return parsed.data
}
