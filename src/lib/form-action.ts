import 'server-only'
import { getTranslations } from 'next-intl/server'
import type { z } from 'zod'
import { isDatabaseUnavailable } from '@/server/errors'
import type { DomainError } from '@/server/result'
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

export async function failed(error: DomainError, formData: FormData, formError?: string): Promise<FormState> {
  const [tErrors, tValidation] = await Promise.all([getTranslations('Errors'), getTranslations('Validation')])
  const fieldErrors = error.fields
    ? Object.fromEntries(
        Object.entries(error.fields).map(([field, key]) => [field, tValidation(key as never)]),
      )
    : undefined
  return {
    status: 'error',
    fieldErrors,
    formError: fieldErrors ? undefined : (formError ?? tErrors(error.code)),
    values: submittedValues(formData),
  }
}

/**
 * Runs an action body; an unreachable database becomes a translated form error instead of
 * an error page, so the user keeps what they typed.
 */
export async function guarded(formData: FormData, run: () => Promise<FormState>): Promise<FormState> {
  try {
    return await run()
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error
    const t = await getTranslations('Errors')
    return { status: 'error', formError: t('DATABASE_UNAVAILABLE'), values: submittedValues(formData) }
  }
}
