'use client'

import { useTranslations } from '@/i18n/use-translations'
import { useActionState, useState } from 'react'
import { SubmitButton } from '@/components/forms/submit-button'
import { NativeSelect } from '@/components/ui/input'
import { idle, type FormState } from '@/lib/form-state'
import { roles, type Role } from '@/server/roles'

export type RoleSelectProps = {
  user: { id: string; name: string; role: Role }
  action: (prev: FormState, data: FormData) => Promise<FormState>
}

/**
 * Changes a user's role when Save is pressed, never on a mere arrow key in the select (WCAG
 * 3.2.2). The select stays mounted, so the keyboard focus stays where it was; after each
 * answer it shows the role the user has (the old one after a refusal).
 */
export function RoleSelect({ user, action }: RoleSelectProps) {
  const t = useTranslations('UsersPage')
  const roleNames = useTranslations('Roles')
  const [state, formAction] = useActionState(action, idle)
  const [role, setRole] = useState<Role>(user.role)
  const [answered, setAnswered] = useState({ state, role: user.role })
  if (answered.state !== state || answered.role !== user.role) {
    setAnswered({ state, role: user.role })
    setRole(user.role)
  }
  return (
    <form action={formAction} className="grid gap-1">
      <input type="hidden" name="userId" value={user.id} />
      <input type="hidden" name="name" value={user.name} />
      <div className="flex items-center gap-2">
        <NativeSelect
          name="role"
          aria-label={t('changeRole', { name: user.name })}
          value={role}
          onChange={(e) => setRole(e.currentTarget.value as Role)}
          className="h-8 w-32"
        >
          {roles.map((r) => (
            <option key={r} value={r}>
              {roleNames(r)}
            </option>
          ))}
        </NativeSelect>
        <SubmitButton
          size="sm"
          variant="secondary"
          aria-label={t('saveRole', { name: user.name })}
          pendingLabel={t('savingRole')}
        >
          {t('saveRoleShort')}
        </SubmitButton>
      </div>
      {state.formError ? (
        <p role="alert" className="max-w-56 text-xs text-destructive">
          {state.formError}
        </p>
      ) : state.status === 'success' ? (
        <p role="status" className="text-xs text-success">
          {state.message}
        </p>
      ) : null}
    </form>
  )
}
