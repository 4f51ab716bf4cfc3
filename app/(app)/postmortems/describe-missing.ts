import 'server-only'
import { getTranslations } from 'next-intl/server'
import { runAction } from '@/lib/form-action'
import type { FormState } from '@/lib/form-state'
import type { Result } from '@/server/result'

const itemLabels = {
  hypotheses: 'hypothesisLabel',
  timeline: 'entryLabel',
  openQuestions: 'questionLabel',
  lessons: 'lessonLabel',
  actionItems: 'actionLabel',
} as const

/** "Action 2: every action item needs exactly one owner": each refusal names its part. */
export async function describeMissing(fields: Record<string, string>): Promise<Record<string, string>> {
  const [names, editor, validation] = await Promise.all([
    getTranslations('Fields'),
    getTranslations('PostmortemEditor'),
    getTranslations('Validation'),
  ])
  return Object.fromEntries(
    Object.entries(fields).map(([path, code]) => {
      const [list, index] = path.split('.') as [string, string | undefined]
      const label =
        index !== undefined && list in itemLabels
          ? editor(itemLabels[list as keyof typeof itemLabels], { n: Number(index) + 1 })
          : names(list as never)
      return [path, editor('missingPart', { part: label, problem: validation(code as never) })]
    }),
  )
}

/**
 * Runs a reviewed step (a status change, publishing changes): a refusal for missing parts says
 * which, next to each field.
 */
export async function runReviewedStep(step: () => Promise<Result<unknown>>): Promise<FormState> {
  const refusal: { fields?: Record<string, string> } = {}
  const state = await runAction(async () => {
    const result = await step()
    if (!result.ok) refusal.fields = result.error.fields
    return result
  })
  if (!refusal.fields) return state
  const t = await getTranslations('PostmortemEditor')
  return {
    status: 'error',
    formError: t('cannotChangeStatus'),
    fieldErrors: await describeMissing(refusal.fields),
  }
}
