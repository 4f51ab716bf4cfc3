import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { FactorForm } from '@/components/factors/factor-form'
import { ActionButton } from '@/components/forms/action-button'
import { Badge } from '@/components/ui/badge'
import { Card, CardHeader } from '@/components/ui/card'
import { PageHeader } from '@/components/ui/page-header'
import { requireUser } from '@/server/auth/current-user'
import { findFactors } from '@/server/factors/find-factors'
import { addFactorAction, setFactorArchivedAction, updateFactorAction } from './actions'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('FactorsPage'))('title') }
}

export default async function FactorsPage() {
  const actor = await requireUser('ADMIN')
  const [t, factors] = await Promise.all([getTranslations('FactorsPage'), findFactors({ actor })])
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <div className="grid gap-6">
        <Card>
          <CardHeader title={t('addTitle')} />
          <FactorForm action={addFactorAction} />
        </Card>
        {factors.length ? (
          <ul className="grid gap-3" aria-label={t('title')}>
            {factors.map((factor) => (
              <li key={factor.id}>
                <Card aria-label={factor.name} className={factor.archived ? 'opacity-80' : undefined}>
                  <div className="mb-3 flex flex-wrap items-center gap-2">
                    <h2 className="min-w-0 text-sm font-semibold break-words">{factor.name}</h2>
                    {factor.archived ? <Badge>{t('archived')}</Badge> : null}
                    <span className="text-xs text-muted-foreground">{t('uses', { count: factor.uses })}</span>
                    <div className="ml-auto">
                      <ActionButton
                        action={setFactorArchivedAction.bind(null, factor.id, !factor.archived)}
                        variant="ghost"
                        size="sm"
                      >
                        {factor.archived ? t('restore') : t('archive')}
                      </ActionButton>
                    </div>
                  </div>
                  <FactorForm action={updateFactorAction.bind(null, factor.id)} factor={factor} />
                </Card>
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
