import type { Metadata } from 'next'
import { getFormatter, getTranslations } from 'next-intl/server'
import { Badge } from '@/components/ui/badge'
import { Card, CardHeader } from '@/components/ui/card'
import { PageHeader } from '@/components/ui/page-header'
import { requireUser } from '@/server/auth/current-user'
import { findUsers } from '@/server/users/find-users'
import {
  createResetLinkAction,
  deactivateUserAction,
  inviteUserAction,
  reactivateUserAction,
  removeUserAction,
  setUserRoleAction,
  unlockSignInAction,
} from './actions'
import { InviteUserForm } from './invite-user-form'
import { MemberActions } from './member-actions'
import { RoleSelect } from './role-select'
import { UnlockSignIn } from './unlock-sign-in'

const badgeTone = { active: 'neutral', invited: 'accent', deactivated: 'danger', removed: 'neutral' } as const

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('UsersPage'))('title') }
}

export default async function UsersPage() {
  const actor = await requireUser('ADMIN')
  const [t, format, result] = await Promise.all([
    getTranslations('UsersPage'),
    getFormatter(),
    findUsers({ actor }),
  ])
  const users = result.ok ? result.data : []
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <div className="grid gap-6">
        <Card>
          <CardHeader title={t('createTitle')} description={t('createDescription')} />
          <InviteUserForm action={inviteUserAction} />
        </Card>
        <Card className="overflow-x-auto p-0">
          <p className="px-6 pt-5 text-sm text-muted-foreground">{t('roleHelp')}</p>
          <table className="mt-3 block w-full text-left text-sm lg:table">
            <thead className="hidden border-b border-border text-xs text-muted-foreground lg:table-header-group">
              <tr>
                <th scope="col" className="px-6 py-2 font-medium">
                  {t('tableName')}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t('tableEmail')}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t('tableRole')}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t('tableSince')}
                </th>
                <th scope="col" className="px-6 py-2 font-medium">
                  {t('tableActions')}
                </th>
              </tr>
            </thead>
            <tbody className="block lg:table-row-group">
              {users.map((user) => (
                <tr
                  key={user.id}
                  className="grid gap-1.5 border-b border-border px-6 py-3 align-top last:border-0 lg:table-row lg:p-0"
                >
                  <td className="block font-medium lg:table-cell lg:px-6 lg:py-3">
                    {user.name}
                    {user.id === actor.id ? <Badge className="ml-2">{t('you')}</Badge> : null}
                    {user.status === 'active' ? null : (
                      <Badge className="ml-2" tone={badgeTone[user.status]}>
                        {t(`status.${user.status}`)}
                      </Badge>
                    )}
                    <UnlockSignIn user={user} action={unlockSignInAction} />
                  </td>
                  <td className="block [overflow-wrap:anywhere] text-muted-foreground lg:table-cell lg:px-3 lg:py-3 lg:text-foreground">
                    {user.email}
                  </td>
                  <td className="block lg:table-cell lg:px-3 lg:py-2">
                    {user.status === 'removed' ? null : <RoleSelect user={user} action={setUserRoleAction} />}
                  </td>
                  <td className="block text-xs whitespace-nowrap text-muted-foreground lg:table-cell lg:px-3 lg:py-3 lg:text-sm">
                    <span className="lg:hidden">{t('tableSince')} </span>
                    {format.dateTime(user.createdAt, { dateStyle: 'medium' })}
                  </td>
                  <td className="block lg:table-cell lg:px-6 lg:py-2">
                    <MemberActions
                      user={user}
                      isYou={user.id === actor.id}
                      actions={{
                        resetLink: createResetLinkAction,
                        deactivate: deactivateUserAction,
                        reactivate: reactivateUserAction,
                        remove: removeUserAction,
                      }}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      </div>
    </>
  )
}
