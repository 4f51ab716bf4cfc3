'use client'

import { useTranslations } from '@/i18n/use-translations'
import { useActionState } from 'react'
import { SubmitButton } from '@/components/forms/submit-button'
import { Field, FormError } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import { idle, type FormState } from '@/lib/form-state'
import { notificationEvents } from '@/server/notifications/events'

/** Adds a webhook endpoint: its URL, secret, description and the events it receives. */
export function WebhookForm({ action }: { action: (prev: FormState, data: FormData) => Promise<FormState> }) {
  const t = useTranslations('WebhooksPage')
  const events = useTranslations('Notifications.events')
  const [state, formAction] = useActionState(action, idle)
  const chosen = state.status === 'success' ? null : state.values
  return (
    <form action={formAction} className="grid gap-4" noValidate>
      <FormError message={state.formError} />
      <div className="grid gap-4 md:grid-cols-2">
        <Field id="webhook-url" label={t('urlLabel')} error={state.fieldErrors?.url}>
          {(aria) => (
            <Input
              {...aria}
              name="url"
              type="url"
              required
              maxLength={2000}
              placeholder={t('urlPlaceholder')}
              defaultValue={chosen?.url}
            />
          )}
        </Field>
        <Field
          id="webhook-secret"
          label={t('secretLabel')}
          hint={t('secretHint')}
          error={state.fieldErrors?.secret}
        >
          {(aria) => (
            <Input {...aria} name="secret" required minLength={16} maxLength={200} autoComplete="off" />
          )}
        </Field>
        <Field id="webhook-description" label={t('descriptionLabel')} error={state.fieldErrors?.description}>
          {(aria) => (
            <Input {...aria} name="description" maxLength={200} defaultValue={chosen?.description} />
          )}
        </Field>
      </div>
      <fieldset
        className="grid gap-2"
        aria-describedby={state.fieldErrors?.events ? 'webhook-events-error' : undefined}
      >
        <legend className="mb-1 text-sm font-medium">{t('eventsLabel')}</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {notificationEvents.map((event) => (
            <label key={event} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="events" value={event} className="size-4" />
              {events(event)}
            </label>
          ))}
        </div>
        {state.fieldErrors?.events ? (
          <p id="webhook-events-error" role="alert" className="text-sm text-destructive">
            {state.fieldErrors.events}
          </p>
        ) : null}
      </fieldset>
      <div className="flex items-center gap-3">
        <SubmitButton pendingLabel={t('adding')}>{t('add')}</SubmitButton>
        {state.status === 'success' ? (
          <p role="status" className="text-sm text-success">
            {t('added')}
          </p>
        ) : null}
      </div>
    </form>
  )
}
