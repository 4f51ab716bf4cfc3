import { useTranslations } from '@/i18n/use-translations'
import { LaunchFilter } from '@/components/launches/launch-filter'
import { Button } from '@/components/ui/button'
import { FilterDisclosure } from '@/components/ui/filter-disclosure'
import { FilterSelect } from '@/components/ui/filter-select'
import { Input } from '@/components/ui/input'
import { insightFilters, insightScopes } from '@/server/insights/schemas'
import { severities } from '@/server/postmortems/schemas'

export type InsightsFiltersProps = {
  /** The query string as typed, so a refused value stays visible to correct. */
  values: Record<string, string>
  taxonomy: {
    launches: { slug: string; name: string }[]
    tags: string[]
    services: string[]
    factors: { id: string; name: string }[]
  }
  showScope: boolean
  /** The insights page the form stays on. */
  action: string
}

/** A plain GET form: the URL holds the filters, so the figures can be shared and printed as seen. */
export function InsightsFilters({ values, taxonomy, showScope, action }: InsightsFiltersProps) {
  const t = useTranslations('InsightsPage')
  const enums = useTranslations('Enums')
  const common = useTranslations('Common')
  const set = insightFilters.filter((k) => values[k]).length
  const select = (name: string, label: string, options: { value: string; label: string }[]) => (
    <FilterSelect
      name={name}
      label={label}
      value={values[name]}
      options={options}
      allLabel={t('filterAll')}
    />
  )
  return (
    <form method="get" action={action} className="mb-6 grid gap-2 print:hidden">
      <FilterDisclosure
        label={common('filters', { count: set })}
        className="flex-wrap items-end gap-3 rounded-lg border border-border bg-card p-3"
      >
        {(['from', 'to'] as const).map((name) => (
          <label key={name} className="grid gap-1 text-xs text-muted-foreground">
            {t(name === 'from' ? 'filterFrom' : 'filterTo')}
            <Input
              type="date"
              name={name}
              defaultValue={values[name]}
              className="h-8 w-40 text-sm text-foreground"
            />
          </label>
        ))}
        {taxonomy.services.length
          ? select(
              'service',
              t('filterService'),
              taxonomy.services.map((name) => ({ value: name, label: name })),
            )
          : null}
        {taxonomy.tags.length
          ? select(
              'tag',
              t('filterTag'),
              taxonomy.tags.map((name) => ({ value: name, label: name })),
            )
          : null}
        {taxonomy.factors.length
          ? select(
              'factor',
              t('filterFactor'),
              taxonomy.factors.map((f) => ({ value: f.id, label: f.name })),
            )
          : null}
        {select(
          'severity',
          t('filterSeverity'),
          severities.map((s) => ({ value: s, label: enums(`severity.${s}`) })),
        )}
        <LaunchFilter
          launches={taxonomy.launches}
          value={values.launch}
          label={t('filterLaunch')}
          placeholder={t('filterAll')}
        />
        {showScope ? (
          <FilterSelect
            name="scope"
            label={t('filterScope')}
            value={values.scope || 'published'}
            options={insightScopes.map((s) => ({
              value: s,
              label: t(s === 'published' ? 'scopePublished' : 'scopeAll'),
            }))}
          />
        ) : null}
        <Button type="submit" variant="secondary" size="sm">
          {t('apply')}
        </Button>
      </FilterDisclosure>
    </form>
  )
}
