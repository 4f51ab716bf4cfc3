'use client'

import { useTranslations } from 'next-intl'
import { useActionState, useRef } from 'react'
import { NativeSelect } from '@/components/ui/input'
import { idle, type FormState } from '@/lib/form-state'
import { roles, type Role } from '@/server/roles'

export type RoleSelectProps = {
  user: { id: string; name: string; role: Role }
  action: (prev: FormState, data: FormData) => Promise<FormState>
}

/** Changes a user's role as soon as another one is chosen. */
export function RoleSelect({ user, action }: RoleSelectProps) {
  const t = useTranslations('UsersPage')
  const roleNames = useTranslations('Roles')
  const [state, formAction, pending] = useActionState(action, idle)
  const form = useRef<HTMLFormElement>(null)
  return (
    <form ref={form} action={formAction} className="grid gap-1">
      <input type="hidden" name="userId" value={user.id} />
      <input type="hidden" name="name" value={user.name} />
      <NativeSelect
        // Re-mounted after each answer, so a refused change shows the role the user still has.
        key={state.status === 'idle' ? 'idle' : `${state.status}:${state.formError ?? state.message}`}
        name="role"
        aria-label={t('changeRole', { name: user.name })}
        defaultValue={user.role}
        disabled={pending}
        onChange={() => form.current?.requestSubmit()}
        className="h-8 w-32"
      >
        {roles.map((role) => (
          <option key={role} value={role}>
            {roleNames(role)}
          </option>
        ))}
      </NativeSelect>
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
