'use client'

import { useState, useTransition } from 'react'
import type { FormState } from '@/lib/form-state'

/** The message to show for an action's answer, or undefined when it succeeded. */
export function errorOf(state: FormState): string | undefined {
  if (state.status === 'success' || state.status === 'idle') return undefined
  return state.formError ?? Object.values(state.fieldErrors ?? {})[0]
}

/**
 * For actions called from buttons and checkboxes rather than forms: runs one in a transition
 * and keeps the translated reason of the last refusal, to show in a `FormError` nearby.
 */
export function useActionError() {
  const [error, setError] = useState<string>()
  const [pending, startTransition] = useTransition()
  const run = (call: () => Promise<FormState>) =>
    startTransition(async () => {
      setError(errorOf(await call()))
    })
  return { error, pending, run }
}
