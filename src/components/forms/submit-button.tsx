'use client'

import { useFormStatus } from 'react-dom'
import { Button, type ButtonProps } from '@/components/ui/button'

/** A submit button that disables itself and says so (`pendingLabel`) while its form is being sent. */
export function SubmitButton({ pendingLabel, children, ...props }: ButtonProps & { pendingLabel?: string }) {
  const { pending } = useFormStatus()
  return (
    <Button type="submit" disabled={pending} aria-disabled={pending} {...props}>
      {pending && pendingLabel ? pendingLabel : children}
    </Button>
  )
}
