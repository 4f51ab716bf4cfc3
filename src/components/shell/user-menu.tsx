import { LogOut } from 'lucide-react'
import { useTranslations } from '@/i18n/use-translations'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import type { Actor } from '@/server/roles'

export type UserMenuProps = { user: Actor; signOut: () => Promise<void> }

export function UserMenu({ user, signOut }: UserMenuProps) {
  const t = useTranslations('Common')
  const roles = useTranslations('Roles')
  return (
    <div className="grid gap-2 text-sm">
      <div className="grid min-w-0 gap-0.5">
        <span className="truncate font-medium" data-testid="current-user">
          {user.name}
        </span>
        <span className="truncate text-xs text-muted-foreground">{user.email}</span>
        <Badge tone="accent" className="mt-1 w-fit">
          {roles(user.role)}
        </Badge>
      </div>
      <form action={signOut}>
        <Button type="submit" variant="ghost" size="sm" className="w-full justify-start px-2">
          <LogOut aria-hidden />
          {t('signOut')}
        </Button>
      </form>
    </div>
  )
}
