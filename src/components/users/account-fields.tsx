import { useTranslations } from '@/i18n/use-translations'
import { Field } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import type { FormState } from '@/lib/form-state'
import { PASSWORD_MAX, PASSWORD_MIN } from '@/server/auth/password-limits'

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
      <NewPasswordField
        id={`${idPrefix}-password`}
        name="password"
        label={t('passwordLabel')}
        error={errors.password}
      />
    </>
  )
}

/** A new password input with the app's length rules and the hint that states them. */
export function NewPasswordField({
  id,
  name,
  label,
  error,
}: {
  id: string
  name: string
  label: string
  error: string | undefined
}) {
  const t = useTranslations('AccountFields')
  return (
    <Field id={id} label={label} hint={t('passwordHint', { min: PASSWORD_MIN })} error={error}>
      {(aria) => (
        <Input
          {...aria}
          name={name}
          type="password"
          autoComplete="new-password"
          minLength={PASSWORD_MIN}
          maxLength={PASSWORD_MAX}
          required
        />
      )}
    </Field>
  )
}
