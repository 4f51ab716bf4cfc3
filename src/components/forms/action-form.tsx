'use client'

import { startTransition, useActionState, useEffect, useRef, type FormEvent, type ReactNode } from 'react'
import { FormError } from '@/components/ui/field'
import { idle, type FormState } from '@/lib/form-state'

export type FormAction = (prev: FormState, data: FormData) => Promise<FormState>

/**
 * A form bound to a server action: shows the form error, hands field errors and the values
 * sent back to its children, and clears itself after a success when `resetOnSuccess`.
 * Submitting goes through onSubmit so that React does not reset the fields after every
 * action (a refused verdict keeps what was chosen and typed); without JavaScript the
 * `action` still posts the form.
 */
export function ActionForm({
  action,
  children,
  className,
  resetOnSuccess = false,
  'aria-label': ariaLabel,
}: {
  action: FormAction
  children: (state: {
    errors: Record<string, string>
    values: Record<string, string>
    pending: boolean
    saved: boolean
  }) => ReactNode
  className?: string
  resetOnSuccess?: boolean
  'aria-label'?: string
}) {
  const [state, formAction, pending] = useActionState(action, idle)
  const form = useRef<HTMLFormElement>(null)
  useEffect(() => {
    if (resetOnSuccess && state.status === 'success') form.current?.reset()
  }, [state, resetOnSuccess])
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (pending) return // sent already: the submit button stays focusable while pending
    const submitter = (event.nativeEvent as SubmitEvent).submitter
    const data = new FormData(event.currentTarget, submitter)
    startTransition(() => formAction(data))
  }
  return (
    <form
      ref={form}
      action={formAction}
      onSubmit={submit}
      className={className}
      noValidate
      aria-label={ariaLabel}
    >
      <FormError message={state.formError} />
      {children({
        errors: state.fieldErrors ?? {},
        values: state.values ?? {},
        pending,
        saved: !pending && state.status === 'success',
      })}
    </form>
  )
}
