'use client'

import { useTranslations } from '@/i18n/use-translations'
import { useActionState } from 'react'
import { SubmitButton } from '@/components/forms/submit-button'
import { Field, FormError } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import { idle, type FormState } from '@/lib/form-state'

export function CreateTokenForm({
  action,
}: {
  action: (prev: FormState, data: FormData) => Promise<FormState>
}) {
  const t = useTranslations('TokensPage')
  const [state, formAction] = useActionState(action, idle)
  return (
    <div className="grid gap-4">
      <form action={formAction} className="flex flex-wrap items-end gap-3" noValidate>
        <FormError message={state.formError} />
        <Field id="token-name" label={t('nameLabel')} error={state.fieldErrors?.name} className="w-72">
          {(aria) => (
            <Input {...aria} name="name" required maxLength={80} placeholder={t('namePlaceholder')} />
          )}
        </Field>
        <SubmitButton pendingLabel={t('creating')}>{t('create')}</SubmitButton>
      </form>
      {state.status === 'success' && state.message ? (
        <div
          role="status"
          className="grid gap-2 rounded-md border border-success/40 bg-success/5 px-3 py-2 text-sm"
        >
          <p>{t('createdOnce')}</p>
          <code data-testid="new-token" className="font-mono text-xs break-all select-all">
            {state.message}
          </code>
          <p className="text-xs text-muted-foreground">{t('usage')}</p>
        </div>
      ) : null}
    </div>
  )
}
