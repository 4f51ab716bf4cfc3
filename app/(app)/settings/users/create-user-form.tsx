'use client'

import { useTranslations } from 'next-intl'
import { useActionState } from 'react'
import { SubmitButton } from '@/components/forms/submit-button'
import { Field, FormError } from '@/components/ui/field'
import { NativeSelect } from '@/components/ui/input'
import { AccountFields } from '@/components/users/account-fields'
import { idle, type FormState } from '@/lib/form-state'
import { roles } from '@/server/auth/roles'

type Action = (prev: FormState, data: FormData) => Promise<FormState>

export function CreateUserForm({ action }: { action: Action }) {
  const t = useTranslations('UsersPage')
  const fields = useTranslations('AccountFields')
  const roleNames = useTranslations('Roles')
  const common = useTranslations('Common')
  const [state, formAction] = useActionState(action, idle)
  return (
    // Keyed on the outcome so that a success clears the inputs and an error keeps them.
    <form
      key={state.status === 'success' ? state.message : 'form'}
      action={formAction}
      className="grid gap-4"
      noValidate
    >
      <FormError message={state.formError} />
      {state.status === 'success' ? (
        <p role="status" className="rounded-md bg-success/10 px-3 py-2 text-sm text-success">
          {state.message}
        </p>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <AccountFields state={state.status === 'success' ? idle : state} idPrefix="new-user" />
        <Field id="new-user-role" label={fields('roleLabel')} error={state.fieldErrors?.role}>
          {(aria) => (
            <NativeSelect {...aria} name="role" defaultValue={state.values?.role ?? 'EDITOR'}>
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
  )
}
