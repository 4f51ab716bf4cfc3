import type { ReactNode } from 'react'
import { cn } from '@/lib/cn'

export type FieldProps = {
  id: string
  label: ReactNode
  hint?: ReactNode
  error?: string
  className?: string
  /** The label's own id, for a control that names itself by it (a rich text editor is no <input>). */
  labelId?: string
  /** Renders the control; receives the aria props that tie it to its label, hint and error. */
  children: (aria: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode
}

/** A labelled control with its hint and its error message (announced as an alert). */
export function Field({ id, label, hint, error, className, labelId, children }: FieldProps) {
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined
  return (
    <div data-slot="field" className={cn('grid content-start gap-1.5', className)}>
      <label id={labelId} htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {hint && !error ? (
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
    </div>
  )
}

export function FormError({ message }: { message?: string }) {
  if (!message) return null
  return (
    <p
      role="alert"
      // Focusable from script: a refused sign-in moves the focus here (useFocusError).
      tabIndex={-1}
      className="rounded-md border border-destructive/30 bg-destructive/5 px-3 py-2 text-sm text-destructive"
    >
      {message}
    </p>
  )
}
