'use client'

import { X } from 'lucide-react'
import { useTranslations } from '@/i18n/use-translations'
import { useCallback, useState, type ReactNode } from 'react'
import { useMounted } from '@/components/ui/use-mounted'
import { Button } from '@/components/ui/button'
import { Field } from '@/components/ui/field'
import { Input, NativeSelect } from '@/components/ui/input'
import { LazyMarkdown as Markdown } from '@/components/ui/lazy-markdown'
import { Textarea } from '@/components/ui/textarea'

/** Translates a validation key from the server (or passes a plain message through). */
export function useErrorText() {
  const t = useTranslations('Validation')
  return useCallback(
    (key: string | undefined) => (key ? (t.has(key as never) ? t(key as never) : key) : undefined),
    [t],
  )
}

type Base = { id: string; label: ReactNode; hint?: ReactNode; error?: string; className?: string }

export function TextField({
  value,
  onChange,
  maxLength,
  wrap = false,
  ...field
}: Base & {
  value: string
  onChange: (value: string) => void
  maxLength?: number
  /** A one-line statement that can be long (a hypothesis, an action): it wraps and grows instead of scrolling out of sight. */
  wrap?: boolean
}) {
  return (
    <Field {...field}>
      {(aria) =>
        wrap ? (
          <Textarea
            {...aria}
            rows={1}
            className="min-h-9 resize-none py-1.5"
            value={value}
            maxLength={maxLength}
            // Still one line: Enter does not break it, a pasted break becomes a space.
            onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}
            onChange={(e) => onChange(e.target.value.replace(/\r?\n/g, ' '))}
          />
        ) : (
          <Input {...aria} value={value} maxLength={maxLength} onChange={(e) => onChange(e.target.value)} />
        )
      }
    </Field>
  )
}

export function SelectField<V extends string>({
  value,
  onChange,
  options,
  empty,
  ...field
}: Base & {
  value: V | null
  onChange: (value: V | null) => void
  options: readonly { value: V; label: string }[]
  /** Label of the "nothing chosen" option; without it a value is required. */
  empty?: string
}) {
  return (
    <Field {...field}>
      {(aria) => (
        <NativeSelect
          {...aria}
          value={value ?? ''}
          onChange={(e) => onChange((e.target.value || null) as V | null)}
        >
          {empty !== undefined ? <option value="">{empty}</option> : null}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </NativeSelect>
      )}
    </Field>
  )
}

function toLocalInput(iso: string | null) {
  if (!iso) return ''
  const date = new Date(iso)
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16)
}

/** A date and time in the browser's time zone, stored as an ISO instant. */
export function DateTimeField({
  value,
  onChange,
  ...field
}: Base & { value: string | null; onChange: (value: string | null) => void }) {
  const mounted = useMounted()
  return (
    <Field {...field}>
      {(aria) => (
        <Input
          {...aria}
          type="datetime-local"
          value={mounted ? toLocalInput(value) : ''}
          onChange={(e) => onChange(e.target.value ? new Date(e.target.value).toISOString() : null)}
        />
      )}
    </Field>
  )
}

/** Markdown text with a Write / Preview switch. */
export function MarkdownField({
  value,
  onChange,
  rows = 3,
  maxLength = 20_000,
  ...field
}: Base & { value: string; onChange: (value: string) => void; rows?: number; maxLength?: number }) {
  return (
    <Field {...field}>
      {(aria) => (
        <WriteOrPreview preview={<MarkdownPreview value={value} />}>
          <Textarea
            {...aria}
            rows={rows}
            value={value}
            maxLength={maxLength}
            onChange={(e) => onChange(e.target.value)}
          />
        </WriteOrPreview>
      )}
    </Field>
  )
}

/** A Markdown field's Write / Preview switch: the control while writing, `preview` in preview. */
export function WriteOrPreview({ preview, children }: { preview: ReactNode; children: ReactNode }) {
  const t = useTranslations('PostmortemEditor')
  const [previewing, setPreviewing] = useState(false)
  return (
    <div className="grid gap-1">
      <div role="group" className="flex justify-end gap-1 text-xs">
        {(['write', 'preview'] as const).map((mode) => (
          <button
            key={mode}
            type="button"
            aria-pressed={(mode === 'preview') === previewing}
            onClick={() => setPreviewing(mode === 'preview')}
            // 24 px tall: the smallest target WCAG 2.2 asks for (2.5.8), on a phone too.
            className="rounded px-2 py-1 text-muted-foreground hover:bg-muted aria-pressed:bg-muted aria-pressed:text-foreground"
          >
            {t(mode)}
          </button>
        ))}
      </div>
      {previewing ? (
        <div className="min-h-20 rounded-md border border-border bg-card px-3 py-2">{preview}</div>
      ) : (
        children
      )}
    </div>
  )
}

/** Markdown as it will read, or a note that there is nothing yet. */
export function MarkdownPreview({ value }: { value: string }) {
  const t = useTranslations('PostmortemEditor')
  return value.trim() ? (
    <Markdown>{value}</Markdown>
  ) : (
    <p className="text-sm text-muted-foreground">{t('previewEmpty')}</p>
  )
}

/** Tags or services: type a name and press Enter; names are created when first used. */
export function NameListField({
  value,
  onChange,
  suggestions,
  ...field
}: Base & { value: string[]; onChange: (value: string[]) => void; suggestions: string[] }) {
  const t = useTranslations('NameList')
  const [draft, setDraft] = useState('')
  const add = () => {
    const name = draft.trim().slice(0, 50)
    if (name && !value.includes(name)) onChange([...value, name])
    setDraft('')
  }
  return (
    <Field {...field}>
      {(aria) => (
        <div className="grid gap-2">
          {value.length ? (
            <ul className="flex flex-wrap gap-1.5">
              {value.map((name) => (
                <li
                  key={name}
                  className="inline-flex items-center gap-1 rounded-full bg-accent py-0.5 pr-1 pl-2.5 text-xs text-accent-foreground"
                >
                  {name}
                  <button
                    type="button"
                    aria-label={t('removeName', { name })}
                    onClick={() => onChange(value.filter((n) => n !== name))}
                    className="rounded-full p-0.5 hover:bg-background/60"
                  >
                    <X className="size-3" aria-hidden />
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          <div className="flex gap-2">
            <Input
              {...aria}
              value={draft}
              list={`${field.id}-suggestions`}
              placeholder={t('namePlaceholder')}
              maxLength={50}
              onChange={(e) => setDraft(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault()
                  add()
                }
              }}
            />
            <Button type="button" variant="secondary" onClick={add} disabled={!draft.trim()}>
              {t('addName')}
            </Button>
          </div>
          <datalist id={`${field.id}-suggestions`}>
            {suggestions
              .filter((s) => !value.includes(s))
              .map((s) => (
                <option key={s} value={s} />
              ))}
          </datalist>
        </div>
      )}
    </Field>
  )
}
