'use client'

import { useTranslations } from '@/i18n/use-translations'
import { useActionState } from 'react'
import { SubmitButton } from '@/components/forms/submit-button'
import { Field, FormError } from '@/components/ui/field'
import { Input, NativeSelect } from '@/components/ui/input'
import { idle, type FormState } from '@/lib/form-state'
import { roles } from '@/server/roles'
import { OneTimeLink } from './one-time-link'

type Action = (prev: FormState, data: FormData) => Promise<FormState>

/** Name, e-mail and role of someone new; the answer is their one-time invite link. */
export function InviteUserForm({ action }: { action: Action }) {
  const t = useTranslations('UsersPage')
  const fields = useTranslations('AccountFields')
  const roleNames = useTranslations('Roles')
  const common = useTranslations('Common')
  const [state, formAction] = useActionState(action, idle)
  const errors = state.fieldErrors ?? {}
  const values = state.status === 'success' ? {} : (state.values ?? {})
  return (
    <div className="grid gap-4">
      {/* Keyed on the outcome so that a success clears the inputs and an error keeps them. */}
      <form key={state.link ?? 'form'} action={formAction} className="grid gap-4" noValidate>
        <FormError message={state.formError} />
        <div className="grid gap-4 sm:grid-cols-3">
          <Field id="invite-name" label={fields('nameLabel')} error={errors.name}>
            {(aria) => (
              <Input
                {...aria}
                name="name"
                autoComplete="off"
                maxLength={100}
                required
                defaultValue={values.name}
              />
            )}
          </Field>
          <Field id="invite-email" label={fields('emailLabel')} error={errors.email}>
            {(aria) => (
              <Input
                {...aria}
                name="email"
                type="email"
                autoComplete="off"
                maxLength={254}
                required
                defaultValue={values.email}
              />
            )}
          </Field>
          <Field id="invite-role" label={fields('roleLabel')} error={errors.role}>
            {(aria) => (
              <NativeSelect {...aria} name="role" defaultValue={values.role ?? 'EDITOR'}>
                {roles.map((role) => (
                  <option key={role} value={role}>
                    {roleNames(role)}
                  </option>
                ))}
              </NativeSelect>
            )}
          </Field>
        </div>
        <SubmitButton className="w-fit" pendingLabel={common('loading')}>
          {t('createSubmit')}
        </SubmitButton>
      </form>
      {state.status === 'success' && state.link && state.message ? (
        <OneTimeLink message={state.message} link={state.link} />
      ) : null}
    </div>
  )
}
