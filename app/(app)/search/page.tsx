import { Search, SearchX } from 'lucide-react'
import type { Metadata } from 'next'
import Form from 'next/form'
import { Link } from '@/components/ui/link'
import { getTranslations } from 'next-intl/server'
import { LaunchFilter } from '@/components/launches/launch-filter'
import { SearchResults } from '@/components/search/search-results'
import { searchChecklistItems } from '@/server/search/search-checklist-items'
import { Button, buttonVariants } from '@/components/ui/button'
import { Empty } from '@/components/ui/empty'
import { FilterDisclosure } from '@/components/ui/filter-disclosure'
import { FilterSelect } from '@/components/ui/filter-select'
import { ClientMessages } from '@/i18n/client-messages'
import { Input } from '@/components/ui/input'
import { PageHeader } from '@/components/ui/page-header'
import { requireUser } from '@/server/auth/current-user'
import { hasRole } from '@/server/roles'
import { findTaxonomy } from '@/server/postmortems/find-postmortems'
import { postmortemStatuses, rootCauseCategories, severities } from '@/server/postmortems/schemas'
import { searchPostmortems } from '@/server/postmortems/search-postmortems'
import { CANDIDATE_CAP } from '@/server/search/match-classes'
import { searchInput, searchScopes } from '@/server/postmortems/schemas'

export async function generateMetadata({ searchParams }: PageProps<'/search'>): Promise<Metadata> {
  const t = await getTranslations('SearchPage')
  const { q } = await searchParams
  return { title: typeof q === 'string' && q ? `${q} · ${t('title')}` : t('title') }
}

/** The address bar's query as a search; an overlong or repeated q is cut, not an error page. */
function pageInput(params: Record<string, string | string[] | undefined>) {
  const q = [params.q].flat()[0]?.slice(0, 200)
  const parsed = searchInput.safeParse({ ...params, q })
  return parsed.success ? parsed.data : searchInput.parse({})
}

export default async function SearchPage({ searchParams }: PageProps<'/search'>) {
  const actor = await requireUser()
  const input = pageInput(await searchParams)
  const [t, common, enums, taxonomy, response, items] = await Promise.all([
    getTranslations('SearchPage'),
    getTranslations('Common'),
    getTranslations('Enums'),
    findTaxonomy({ actor }),
    input.q ? searchPostmortems({ actor, input }) : null,
    input.q ? searchChecklistItems({ actor, q: input.q }) : [],
  ])
  const itemSection = items.length ? (
    <section aria-labelledby="search-items" className="mt-8 grid gap-2">
      <h2 id="search-items" className="text-base font-semibold">
        {t('itemsTitle', { count: items.length })}
      </h2>
      <ul className="grid gap-2">
        {items.map((item) => (
          <li key={item.id}>
            <Link
              href={`/checklists/${item.template.id}`}
              className="grid gap-0.5 rounded-lg border border-border bg-card px-4 py-2 hover:bg-accent/30"
            >
              <span className="text-xs text-muted-foreground">{item.template.name}</span>
              <span className="font-medium break-words">{item.text}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  ) : null
  const select = (
    name: 'status' | 'severity' | 'launch' | 'tag' | 'service' | 'category',
    label: string,
    options: { value: string; label: string }[],
  ) => (
    <FilterSelect name={name} label={label} value={input[name]} options={options} allLabel={t('filterAll')} />
  )
  const filtersSet = (
    ['status', 'severity', 'launch', 'tag', 'service', 'category', 'scope', 'from', 'to'] as const
  ).filter((name) => input[name]).length
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      {/* A GET form (client-side navigation): the URL holds the query and filters, so results can be shared and the back button works. */}
      <Form
        // Remounted per query, so that the back button shows the query of the page it returns to.
        key={JSON.stringify(input)}
        action="/search"
        role="search"
        className="mb-6 grid gap-3 rounded-lg border border-border bg-card p-3"
      >
        <div className="flex gap-2">
          <Input
            name="q"
            type="search"
            defaultValue={input.q}
            aria-label={t('queryLabel')}
            placeholder={t('placeholder')}
            autoFocus
            maxLength={200}
          />
          <Button type="submit">
            <Search aria-hidden />
            {t('submit')}
          </Button>
        </div>
        <FilterDisclosure label={common('filters', { count: filtersSet })} className="flex-wrap gap-3">
          {hasRole(actor, 'EDITOR')
            ? select(
                'status',
                t('status'),
                postmortemStatuses.map((s) => ({ value: s, label: enums(`status.${s}`) })),
              )
            : null}
          {select(
            'severity',
            t('severity'),
            severities.map((s) => ({ value: s, label: enums(`severity.${s}`) })),
          )}
          <LaunchFilter
            launches={taxonomy.launches}
            value={input.launch}
            label={t('launch')}
            placeholder={t('filterAll')}
          />
          {taxonomy.tags.length
            ? select(
                'tag',
                t('tag'),
                taxonomy.tags.map((n) => ({ value: n, label: n })),
              )
            : null}
          {taxonomy.services.length
            ? select(
                'service',
                t('service'),
                taxonomy.services.map((n) => ({ value: n, label: n })),
              )
            : null}
          {select(
            'category',
            t('category'),
            rootCauseCategories.map((c) => ({ value: c, label: enums(`rootCause.${c}`) })),
          )}
          <FilterSelect
            name="scope"
            label={t('scope')}
            value={input.scope}
            allLabel={t('scopeAll')}
            options={searchScopes.map((s) => ({
              value: s,
              label: t(s === 'hypotheses' ? 'scopeHypotheses' : 'scopeConfirmed'),
            }))}
          />
          <FilterSelect
            name="sort"
            label={t('sort')}
            value={input.sort}
            options={[
              { value: 'relevance', label: t('sortRelevance') },
              { value: 'date', label: t('sortDate') },
            ]}
          />
          {(['from', 'to'] as const).map((name) => (
            <label key={name} className="grid gap-1 text-xs text-muted-foreground">
              {t(name)}
              <Input
                type="date"
                name={name}
                defaultValue={input[name]}
                className="h-8 w-40 text-sm text-foreground"
              />
            </label>
          ))}
        </FilterDisclosure>
      </Form>
      {!response ? (
        <Empty icon={Search} title={t('tipsTitle')} description={t('tipsDescription')} />
      ) : response.results.length ? (
        <>
          <p className="mb-3 text-sm text-muted-foreground" role="status">
            {response.capped
              ? t('capped', { count: CANDIDATE_CAP })
              : t('total', { count: response.total, ms: response.tookMs })}
            {response.corrections.length
              ? ` · ${t('corrected', { words: response.corrections.map((c) => `“${c.to}”`).join(', ') })}`
              : null}
          </p>
          <ClientMessages namespaces={['SearchPage', 'Enums']}>
            <SearchResults results={response.results} />
          </ClientMessages>
          {itemSection}
        </>
      ) : (
        <>
          {/* With filters set, they are the likelier reason: the same words may match without them. */}
          <Empty
            icon={SearchX}
            title={t(filtersSet ? 'noResultsFilteredTitle' : 'noResultsTitle', { query: input.q })}
            description={t(filtersSet ? 'noResultsFilteredDescription' : 'noResultsDescription')}
            action={
              filtersSet ? (
                <Link
                  href={`/search?q=${encodeURIComponent(input.q)}`}
                  className={buttonVariants({ variant: 'secondary' })}
                >
                  {t('searchWithoutFilters')}
                </Link>
              ) : null
            }
          />
          {itemSection}
        </>
      )}
    </>
  )
}
