import 'server-only'
import { z } from 'zod'

/*
 * A server action's arguments come from the client, whatever its TypeScript signature says:
 * a hostile one sends NUL bytes, objects or 200 KB strings where an id belongs, or nothing
 * at all. Every action that takes more than a form checks its own arguments first with
 * `actionArgs`; what does not fit is refused before any use case runs, never reaching the
 * database as a 500.
 */

/**
 * An id, slug or number-as-text a page binds to an action. Checked, never changed: the action
 * goes on with the value it was given, so nothing here may transform it (a NUL is refused,
 * not dropped).
 */
export const idArg = z
  .string()
  .min(1)
  .max(200)
  .refine((value) => !value.includes('\u0000'))
export const boolArg = z.boolean()
export const formArg = z.instanceof(FormData)

type Parsed<T extends readonly z.ZodType[]> = { [K in keyof T]: z.output<T[K]> }

/** The arguments checked by position, or null when any does not fit its schema. */
export function actionArgs<const T extends readonly z.ZodType[]>(
  schemas: T,
  values: readonly unknown[],
): Parsed<T> | null {
  const parsed: unknown[] = []
  for (const [i, schema] of schemas.entries()) {
    const result = schema.safeParse(values[i])
    if (!result.success) return null
    parsed.push(result.data)
  }
  return parsed as Parsed<T>
}
