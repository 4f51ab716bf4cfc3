import { useTranslations } from 'next-intl'
import { Field } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import type { FormState } from '@/lib/form-state'
import { PASSWORD_MAX, PASSWORD_MIN } from '@/server/users/schemas'

/** Name, email and password inputs, keeping submitted values and showing field errors. */
export function AccountFields({ state, idPrefix }: { state: FormState; idPrefix: string }) {
  const t = useTranslations('AccountFields')
  const errors = state.fieldErrors ?? {}
  const values = state.values ?? {}
  return (
    <>
      <Field id={`${idPrefix}-name`} label={t('nameLabel')} error={errors.name}>
        {(aria) => (
          <Input
            {...aria}
            name="name"
            autoComplete="name"
            maxLength={100}
            required
            defaultValue={values.name}
          />
        )}
      </Field>
      <Field id={`${idPrefix}-email`} label={t('emailLabel')} error={errors.email}>
        {(aria) => (
          <Input
            {...aria}
            name="email"
            type="email"
            autoComplete="email"
            maxLength={254}
            required
            defaultValue={values.email}
          />
        )}
      </Field>
      <Field
        id={`${idPrefix}-password`}
        label={t('passwordLabel')}
        hint={t('passwordHint', { min: PASSWORD_MIN })}
        error={errors.password}
      >
        {(aria) => (
          <Input
            {...aria}
            name="password"
            type="password"
            autoComplete="new-password"
            minLength={PASSWORD_MIN}
            maxLength={PASSWORD_MAX}
            required
          />
        )}
      </Field>
    </>
  )
}
