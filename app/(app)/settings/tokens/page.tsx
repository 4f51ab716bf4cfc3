import type { Metadata } from 'next'
import { getFormatter, getTranslations } from 'next-intl/server'
import { Badge } from '@/components/ui/badge'
import { ActionButton } from '@/components/forms/action-button'
import { Card } from '@/components/ui/card'
import { PageHeader } from '@/components/ui/page-header'
import { findApiTokens } from '@/server/auth/api-tokens'
import { requireUser } from '@/server/auth/current-user'
import { createTokenAction, revokeTokenAction } from './actions'
import { CreateTokenForm } from './create-token-form'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('TokensPage'))('title') }
}

export default async function TokensPage() {
  const actor = await requireUser('ADMIN')
  const [t, format, tokens] = await Promise.all([
    getTranslations('TokensPage'),
    getFormatter(),
    findApiTokens({ actor }),
  ])
  const when = (date: Date | null) =>
    date ? format.dateTime(date, { dateStyle: 'medium', timeStyle: 'short' }) : '—'
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <div className="grid gap-6">
        <Card>
          <CreateTokenForm action={createTokenAction} />
        </Card>
        {tokens.length ? (
          <ul className="grid gap-2" aria-label={t('title')}>
            {tokens.map((token) => (
              <li
                key={token.id}
                className="flex flex-wrap items-center gap-3 rounded-lg border border-border bg-card px-4 py-3 text-sm"
              >
                <span className="font-medium">{token.name}</span>
                {token.revokedAt ? <Badge tone="danger">{t('revoked')}</Badge> : null}
                <span className="text-xs text-muted-foreground">
                  {t('meta', {
                    name: token.createdBy.name,
                    created: when(token.createdAt),
                    used: when(token.lastUsedAt),
                  })}
                </span>
                {!token.revokedAt ? (
                  <ActionButton
                    action={revokeTokenAction.bind(null, token.id)}
                    variant="ghost"
                    size="sm"
                    className="ml-auto grid justify-items-end gap-2"
                  >
                    {t('revoke')}
                  </ActionButton>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-muted-foreground">{t('empty')}</p>
        )}
      </div>
    </>
  )
}
