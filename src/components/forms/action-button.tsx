'use client'

import { useActionState, type ReactNode } from 'react'
import type { ButtonProps } from '@/components/ui/button'
import { FormError } from '@/components/ui/field'
import { idle } from '@/lib/form-state'
import type { FormAction } from './action-form'
import { SubmitButton } from './submit-button'

/**
 * One button that calls a server action (archive, revoke, load the demo) and shows the
 * translated reason above it when the action is refused. Works without JavaScript too.
 */
export function ActionButton({
  action,
  children,
  pendingLabel,
  className,
  ...button
}: Omit<ButtonProps, 'type' | 'children'> & {
  action: FormAction
  children: ReactNode
  pendingLabel?: string
}) {
  const [state, formAction] = useActionState(action, idle)
  return (
    <form action={formAction} className={className}>
      <FormError message={state.formError} />
      <SubmitButton pendingLabel={pendingLabel} {...button}>
        {children}
      </SubmitButton>
    </form>
  )
}
