'use client'

import { useActionState, useEffect, useRef, type ReactNode } from 'react'
import { FormError } from '@/components/ui/field'
import { idle, type FormState } from '@/lib/form-state'

export type FormAction = (prev: FormState, data: FormData) => Promise<FormState>

/**
 * A form bound to a server action: shows the form error, hands field errors and the values
 * sent back to its children, and clears itself after a success when `resetOnSuccess`.
 */
export function ActionForm({
  action,
  children,
  className,
  resetOnSuccess = false,
  'aria-label': ariaLabel,
}: {
  action: FormAction
  children: (state: { errors: Record<string, string>; values: Record<string, string> }) => ReactNode
  className?: string
  resetOnSuccess?: boolean
  'aria-label'?: string
}) {
  const [state, formAction] = useActionState(action, idle)
  const form = useRef<HTMLFormElement>(null)
  useEffect(() => {
    if (resetOnSuccess && state.status === 'success') form.current?.reset()
  }, [state, resetOnSuccess])
  return (
    <form ref={form} action={formAction} className={className} noValidate aria-label={ariaLabel}>
      <FormError message={state.formError} />
      {children({ errors: state.fieldErrors ?? {}, values: state.values ?? {} })}
    </form>
  )
}
