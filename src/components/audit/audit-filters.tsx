import { useTranslations } from '@/i18n/use-translations'
import { Button } from '@/components/ui/button'
import { FilterDisclosure } from '@/components/ui/filter-disclosure'
import { FilterSelect } from '@/components/ui/filter-select'
import { Input } from '@/components/ui/input'
import { auditActions } from '@/server/audit/actions'
import type { AuditFilter } from '@/server/audit/schemas'

/** A plain GET form: the URL holds the filters, and the export links carry the same ones. */
export function AuditFilters({ filter }: { filter: AuditFilter }) {
  const t = useTranslations('AuditPage')
  const actions = useTranslations('AuditActions')
  const common = useTranslations('Common')
  const set = [filter.action, filter.who, filter.from, filter.to].filter(Boolean).length
  const field = (name: 'who' | 'from' | 'to', type: string) => (
    <label className="grid gap-1 text-xs text-muted-foreground">
      {t(`filter.${name}`)}
      <Input
        name={name}
        type={type}
        defaultValue={filter[name] ?? ''}
        className="h-8 text-sm text-foreground"
      />
    </label>
  )
  return (
    <form method="get" action="/settings/audit" className="mb-4 grid gap-2">
      <FilterDisclosure
        label={common('filters', { count: set })}
        className="flex-wrap items-end gap-3 rounded-lg border border-border bg-card p-3"
      >
        <FilterSelect
          name="action"
          label={t('filter.action')}
          value={filter.action}
          options={auditActions.map((a) => ({ value: a, label: actions(a) }))}
          allLabel={t('filter.all')}
        />
        {field('who', 'search')}
        {field('from', 'date')}
        {field('to', 'date')}
        <Button type="submit" size="sm" variant="secondary">
          {t('filter.apply')}
        </Button>
      </FilterDisclosure>
    </form>
  )
}
