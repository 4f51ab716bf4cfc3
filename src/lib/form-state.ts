/** What a form's server action returns to `useActionState`. */
export type FormState = {
  status: 'idle' | 'invalid' | 'error' | 'success'
  /** Translated messages by field name. */
  fieldErrors?: Record<string, string>
  formError?: string
  message?: string
  /** A one-time link (an invitation, a password reset), shown once to the admin who made it. */
  link?: string
  /** What the user submitted (never passwords), so inputs keep it after an error. */
  values?: Record<string, string>
}

export const idle: FormState = { status: 'idle' }
