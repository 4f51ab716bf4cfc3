import 'server-only'
import { getTranslations } from 'next-intl/server'
import type { z } from 'zod'
import { isDatabaseUnavailable } from '@/server/errors'
import type { DomainError, Result } from '@/server/result'
import type { FormState } from './form-state'

/** Form fields as strings, minus secrets, to give back to the form after an error. */
export function submittedValues(formData: FormData, omit: string[] = ['password']): Record<string, string> {
  const values: Record<string, string> = {}
  for (const [key, value] of formData)
    if (typeof value === 'string' && !omit.includes(key) && !key.startsWith('$'))
      values[key] = value.slice(0, 10_000)
  return values
}

/** zod issues carry i18n keys under `Validation` as messages; this translates the first per field. */
export async function invalid(error: z.ZodError, formData: FormData): Promise<FormState> {
  const t = await getTranslations('Validation')
  const fieldErrors: Record<string, string> = {}
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form')
    fieldErrors[field] ??= t.has(issue.message as never) ? t(issue.message as never) : t('required')
  }
  return { status: 'invalid', fieldErrors, values: submittedValues(formData) }
}

export async function failed(
  error: DomainError,
  formData?: FormData,
  formError?: string,
): Promise<FormState> {
  const [tErrors, tValidation] = await Promise.all([getTranslations('Errors'), getTranslations('Validation')])
  const fieldErrors = error.fields
    ? Object.fromEntries(
        Object.entries(error.fields).map(([field, key]) => [field, tValidation(key as never)]),
      )
    : undefined
  return {
    status: 'error',
    fieldErrors,
    formError: fieldErrors ? undefined : (formError ?? reason(tErrors, error)),
    values: formData ? submittedValues(formData) : undefined,
  }
}

/** A specific reason (Errors.reasons.<message>) when the domain gave one, else the code's message. */
function reason(t: Awaited<ReturnType<typeof getTranslations<'Errors'>>>, error: DomainError) {
  const key = `reasons.${error.message}`
  return error.message && t.has(key as never) ? t(key as never) : t(error.code)
}

/**
 * Runs an action body; an unreachable database becomes a translated form error instead of
 * an error page, so the user keeps what they typed.
 */
export async function guarded(formData: FormData, run: () => Promise<FormState>): Promise<FormState> {
  // A client can call an action with anything in place of the form (issue 15's hostile probe).
  if (!(formData instanceof FormData)) return refused()
  try {
    return await run()
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error
    const t = await getTranslations('Errors')
    return { status: 'error', formError: t('DATABASE_UNAVAILABLE'), values: submittedValues(formData) }
  }
}

/** The answer to a call whose arguments are not what the page sends: nothing was done. */
export async function refused(): Promise<FormState> {
  const t = await getTranslations('Errors')
  return { status: 'error', formError: t('INVALID_INPUT') }
}

/**
 * The body of an action without a form (a button, a checkbox, a drag): runs the use case and
 * answers in the forms' shape, a domain error or an unreachable database as a translated
 * `formError` (field details, which no control here could show, become the general message).
 */
export async function runAction(run: () => Promise<Result<unknown>>): Promise<FormState> {
  try {
    const result = await run()
    if (result.ok) return { status: 'success' }
    const t = await getTranslations('Errors')
    return { status: 'error', formError: reason(t, result.error) }
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error
    const t = await getTranslations('Errors')
    return { status: 'error', formError: t('DATABASE_UNAVAILABLE') }
  }
}

/** The usual action body: parse the form with `schema`, run the use case, report the outcome. */
export async function runForm<S extends z.ZodType>(
  formData: FormData,
  schema: S,
  run: (input: z.infer<S>) => Promise<Result<unknown>>,
): Promise<FormState> {
  return guarded(formData, async () => {
    const parsed = schema.safeParse(Object.fromEntries(formData))
    if (!parsed.success) return invalid(parsed.error, formData)
    const result = await run(parsed.data)
    if (!result.ok) return failed(result.error, formData)
    return { status: 'success' }
  })
}
