import { stringify } from 'csv-stringify/sync'
import type { AuditEventView } from './find-audit-events'

const columns = ['id', 'at', 'actorName', 'actorEmail', 'action', 'target', 'detail', 'address'] as const

/** A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR) is quoted with a leading '. */
const inert = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value)

/** The entries as CSV (one header row, UTC ISO times), safe to open in a spreadsheet. */
export function auditEventsToCsv(events: AuditEventView[]): string {
  return stringify(
    events.map((e) => columns.map((c) => (c === 'at' ? e.at.toISOString() : inert(String(e[c] ?? ''))))),
    { header: true, columns: [...columns] },
  )
}

/** The entries as JSON (times in UTC ISO). */
export function auditEventsToJson(events: AuditEventView[]): string {
  return JSON.stringify({ events: events.map((e) => ({ ...e, at: e.at.toISOString() })) })
}
