import { CircleAlert, CircleCheck } from 'lucide-react'
import { useTranslations } from '@/i18n/use-translations'
import type { Readiness } from '@/server/checklists/readiness'
import { cn } from '@/lib/cn'

/** The verdict, its counts and, when not ready, what blocks it and who owns each. */
export function ReadinessPanel({ readiness, empty }: { readiness: Readiness; empty: boolean }) {
  const t = useTranslations('LaunchReview')
  const statuses = useTranslations('CheckStatus')
  const { ready, counts, blocking } = readiness
  const Icon = ready ? CircleCheck : CircleAlert
  return (
    <section
      aria-labelledby="readiness-title"
      className={cn(
        'grid gap-3 rounded-lg border px-4 py-3',
        ready ? 'border-success/40 bg-success/5' : 'border-amber-500/40 bg-amber-500/5',
      )}
    >
      <h2 id="readiness-title" className="flex items-center gap-2 text-base font-semibold">
        <Icon className={cn('size-5', ready ? 'text-success' : 'text-amber-600')} aria-hidden />
        <span data-testid="readiness-verdict">{ready ? t('ready') : t('notReady')}</span>
      </h2>
      <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-muted-foreground">
        {(['pass', 'fail', 'na', 'waived', 'pending'] as const).map((key) => (
          <span key={key}>
            {statuses(key.toUpperCase() as never)}: <strong className="text-foreground">{counts[key]}</strong>
          </span>
        ))}
      </p>
      {empty ? <p className="text-sm">{t('noChecks')}</p> : null}
      {blocking.length ? (
        <div className="grid gap-1">
          <h3 className="text-sm font-medium">{t('blockingTitle', { count: blocking.length })}</h3>
          <ul className="grid gap-1 text-sm">
            {blocking.map((check) => (
              <li key={check.id} className="flex flex-wrap gap-x-2">
                <a href={`#check-${check.id}`} className="break-words hover:underline">
                  {check.text}
                </a>
                <span className="text-muted-foreground">
                  · {check.owner ? check.owner.name : t('noOwner')} · {statuses(check.status)}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  )
}
