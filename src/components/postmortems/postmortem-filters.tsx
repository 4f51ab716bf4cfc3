import { useTranslations } from '@/i18n/use-translations'
import { LaunchFilter } from '@/components/launches/launch-filter'
import { Button } from '@/components/ui/button'
import { FilterDisclosure } from '@/components/ui/filter-disclosure'
import { FilterSelect } from '@/components/ui/filter-select'
import { Input } from '@/components/ui/input'
import {
  postmortemStatuses,
  rootCauseCategories,
  severities,
  sorts,
  type FindPostmortemsInput,
} from '@/server/postmortems/schemas'

export type PostmortemFiltersProps = {
  input: FindPostmortemsInput
  taxonomy: {
    launches: { slug: string; name: string }[]
    tags: string[]
    services: string[]
    factors: { id: string; name: string }[]
  }
  showStatus: boolean
}

/** A plain GET form: the URL holds the filters, so a filtered list can be shared and the back button works. */
export function PostmortemFilters({ input, taxonomy, showStatus }: PostmortemFiltersProps) {
  const t = useTranslations('PostmortemsPage')
  const enums = useTranslations('Enums')
  const common = useTranslations('Common')
  const set = [
    input.status,
    input.severity,
    input.launch,
    input.tag,
    input.service,
    input.category,
    input.factor,
    input.from,
    input.to,
  ].filter(Boolean).length
  const select = (
    name: keyof FindPostmortemsInput,
    label: string,
    options: { value: string; label: string }[],
    all = true,
  ) => (
    <FilterSelect
      name={name}
      label={label}
      value={input[name] === undefined ? undefined : String(input[name])}
      options={options}
      allLabel={all ? t('filterAll') : undefined}
    />
  )
  return (
    <form method="get" action="/postmortems" className="mb-4 grid gap-2">
      <FilterDisclosure
        label={common('filters', { count: set })}
        className="flex-wrap items-end gap-3 rounded-lg border border-border bg-card p-3"
      >
        {showStatus
          ? select(
              'status',
              t('filterStatus'),
              postmortemStatuses.map((s) => ({ value: s, label: enums(`status.${s}`) })),
            )
          : null}
        {select(
          'severity',
          t('filterSeverity'),
          severities.map((s) => ({ value: s, label: enums(`severity.${s}`) })),
        )}
        <LaunchFilter
          launches={taxonomy.launches}
          value={input.launch}
          label={t('filterLaunch')}
          placeholder={t('filterAll')}
        />
        {taxonomy.tags.length
          ? select(
              'tag',
              t('filterTag'),
              taxonomy.tags.map((name) => ({ value: name, label: name })),
            )
          : null}
        {taxonomy.services.length
          ? select(
              'service',
              t('filterService'),
              taxonomy.services.map((name) => ({ value: name, label: name })),
            )
          : null}
        {select(
          'category',
          t('filterCategory'),
          rootCauseCategories.map((c) => ({ value: c, label: enums(`rootCause.${c}`) })),
        )}
        {taxonomy.factors.length
          ? select(
              'factor',
              t('filterFactor'),
              taxonomy.factors.map((f) => ({ value: f.id, label: f.name })),
            )
          : null}
        {(['from', 'to'] as const).map((name) => (
          <label key={name} className="grid gap-1 text-xs text-muted-foreground">
            {t(name === 'from' ? 'filterFrom' : 'filterTo')}
            <Input
              type="date"
              name={name}
              defaultValue={input[name]}
              className="h-8 w-40 text-sm text-foreground"
            />
          </label>
        ))}
        {select(
          'sort',
          t('sortLabel'),
          sorts.map((s) => ({
            value: s,
            label: t(s === 'updated' ? 'sortUpdated' : s === 'newest' ? 'sortNewest' : 'sortOldest'),
          })),
          false,
        )}
        <Button type="submit" variant="secondary" size="sm">
          {t('apply')}
        </Button>
      </FilterDisclosure>
    </form>
  )
}
