'use client'

import { useTranslations } from '@/i18n/use-translations'
import { useActionState, useEffect, useId, useRef, useState, type ReactNode } from 'react'
import { Button } from '@/components/ui/button'
import { FormError } from '@/components/ui/field'
import { NativeSelect } from '@/components/ui/input'
import { Textarea } from '@/components/ui/textarea'
import { idle, type FormState } from '@/lib/form-state'
import { COMMENT_LIMITS } from '@/server/comments/comment-fields'

export type Person = { id: string; name: string }
export type FormAction = (state: FormState, formData: FormData) => Promise<FormState>

/**
 * A comment's text with a mention picker: choosing a person writes "@Name" into the text and
 * sends their id along (the server keeps a mention while its "@Name" is still in the text).
 */
export function CommentForm({
  label,
  submit,
  action,
  people,
  hidden,
  autoFocus,
  onDone,
  children,
}: {
  label: string
  submit: string
  action: FormAction
  people: Person[]
  /** Extra fields sent with the comment (a new thread's anchor). */
  hidden?: Record<string, string>
  autoFocus?: boolean
  /** After the comment was saved; the form has been emptied. */
  onDone?: () => void
  /** Beside the submit button (Cancel). */
  children?: ReactNode
}) {
  const t = useTranslations('Comments')
  const id = useId()
  const [body, setBody] = useState('')
  const [mentions, setMentions] = useState<string[]>([])
  const textarea = useRef<HTMLTextAreaElement>(null)
  const [state, formAction, pending] = useActionState(async (previous: FormState, formData: FormData) => {
    const next = await action(previous, formData)
    if (next.status === 'success') {
      setBody('')
      setMentions([])
      onDone?.()
    }
    return next
  }, idle)

  useEffect(() => {
    if (autoFocus) textarea.current?.focus()
  }, [autoFocus])

  const mention = (personId: string) => {
    const person = people.find((p) => p.id === personId)
    if (!person) return
    const spacer = body && !/\s$/.test(body) ? ' ' : ''
    setBody(`${body}${spacer}@${person.name} `)
    setMentions((ids) => (ids.includes(person.id) ? ids : [...ids, person.id]))
    textarea.current?.focus()
  }

  const error = state.fieldErrors?.body
  return (
    <form action={formAction} className="grid gap-2">
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name="mentions" value={mentions.join(',')} />
      <label htmlFor={`${id}-body`} className="text-sm font-medium">
        {label}
      </label>
      <Textarea
        ref={textarea}
        id={`${id}-body`}
        name="body"
        rows={3}
        required
        maxLength={COMMENT_LIMITS.body}
        value={body}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => setBody(e.target.value)}
        className="min-h-16"
      />
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
      <FormError
        message={
          state.formError ?? (state.fieldErrors && !error ? Object.values(state.fieldErrors)[0] : undefined)
        }
      />
      <div className="flex flex-wrap items-center gap-2">
        {people.length ? (
          <NativeSelect
            aria-label={t('mention')}
            value=""
            onChange={(e) => mention(e.target.value)}
            className="h-8 w-auto text-xs"
          >
            <option value="">{t('mention')}</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </NativeSelect>
        ) : null}
        <Button type="submit" size="sm" disabled={pending || !body.trim()}>
          {pending ? t('sending') : submit}
        </Button>
        {children}
      </div>
    </form>
  )
}
