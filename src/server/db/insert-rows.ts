import 'server-only'
import { Prisma } from '@/generated/prisma/client'
import type { Tx } from '../db'

/** The tables a bulk write fills, and the columns each row gives (ids included: no client-side defaults run here). */
type Rows = {
  Postmortem: Prisma.PostmortemCreateManyInput & {
    id: string
    updatedAt: Date
    /** tsvector text (search/tokenize.ts): columns Prisma does not type. */
    searchVector?: string
    hypothesisVector?: string
    rootCauseVector?: string
    /** What search quotes of its lists (search/index-postmortem.ts), as JSON. */
    snippetSource?: object
  }
  PostmortemAuthor: Prisma.PostmortemAuthorCreateManyInput
  Hypothesis: Prisma.HypothesisCreateManyInput & { id: string }
  TimelineEntry: Prisma.TimelineEntryCreateManyInput & { id: string }
  OpenQuestion: Prisma.OpenQuestionCreateManyInput & { id: string }
  Lesson: Prisma.LessonCreateManyInput & { id: string }
  ActionItem: Prisma.ActionItemCreateManyInput & { id: string }
  PostmortemTag: Prisma.PostmortemTagCreateManyInput
  PostmortemService: Prisma.PostmortemServiceCreateManyInput
  PostmortemFactor: Prisma.PostmortemFactorCreateManyInput
}

/**
 * Inserts rows into one table with one statement, the rows travelling as one JSON parameter that
 * Postgres reads with the table's own column types (`json_populate_recordset`). For bulk writes
 * (a folder's import): Prisma's `createMany` spends several times more CPU building a statement
 * of thousands of values than Postgres spends running it (decision 042).
 *
 * The columns are those any row gives a value; a row without one writes NULL there, not the
 * column's default.
 */
export async function insertRows<Table extends keyof Rows>(tx: Tx, table: Table, rows: Rows[Table][]) {
  if (!rows.length) return 0
  const names = [
    ...new Set(
      rows.flatMap((row) => Object.keys(row).filter((k) => row[k as keyof typeof row] !== undefined)),
    ),
  ]
  if (!names.every((name) => /^[A-Za-z]+$/.test(name))) throw new Error(`not a column name: ${names.join()}`)
  const columns = Prisma.raw(names.map((name) => `"${name}"`).join(', '))
  const target = Prisma.raw(`"${table}"`)
  return tx.$executeRaw`
    INSERT INTO ${target} (${columns})
    SELECT ${columns} FROM json_populate_recordset(NULL::${target}, ${postgresJson(rows)}::json)`
}

/**
 * A value as JSON Postgres accepts. A lone UTF-16 surrogate (half of an emoji cut in two) is
 * written by JSON.stringify as an escape Postgres refuses; it becomes U+FFFD, as it does when
 * Prisma sends the text as a parameter.
 */
export function postgresJson(value: object) {
  const text = JSON.stringify(value)
  if (!/\\u[dD][89a-fA-F]/.test(text)) return text
  return JSON.stringify(value, (_, value: unknown) =>
    typeof value === 'string' ? value.toWellFormed() : value,
  )
}
