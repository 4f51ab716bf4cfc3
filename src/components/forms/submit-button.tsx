'use client'

import type { MouseEvent } from 'react'
import { useFormStatus } from 'react-dom'
import { Button, type ButtonProps } from '@/components/ui/button'
import { cn } from '@/lib/cn'

/**
 * A submit button that says so (`pendingLabel`) while its form is being sent. It stays
 * enabled and focused (a disabled button drops the keyboard focus to the top of the page):
 * `aria-disabled` tells assistive technology, and a click or Enter while pending is ignored,
 * so the form is not sent twice.
 */
export function SubmitButton({
  pendingLabel,
  children,
  className,
  onClick,
  ...props
}: ButtonProps & { pendingLabel?: string }) {
  const { pending } = useFormStatus()
  const click = (event: MouseEvent<HTMLButtonElement>) => {
    if (pending) event.preventDefault()
    else onClick?.(event)
  }
  return (
    <Button
      type="submit"
      aria-disabled={pending || undefined}
      className={cn(pending && 'cursor-progress opacity-70', className)}
      onClick={click}
      {...props}
    >
      {pending && pendingLabel ? pendingLabel : children}
    </Button>
  )
}
