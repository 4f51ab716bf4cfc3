'use client'

import { FileUp } from 'lucide-react'
import { useRouter } from 'next/navigation'
import { useTranslations } from '@/i18n/use-translations'
import { useState, useTransition } from 'react'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { FormError } from '@/components/ui/field'
import { Input, NativeSelect } from '@/components/ui/input'
import { Textarea } from '@/components/ui/textarea'
import { exceeded, limitMessage, PREVIEW_LIMITS, type ExceededLimit } from '@/server/imports/limits'
import type { ParsedRetro } from '@/server/imports/parse-retro'
import { hypothesisStatuses } from '@/server/postmortems/document-values'
import { callApi } from '@/lib/api-client'
import { cn } from '@/lib/cn'
import {
  applyMapping,
  defaultTarget,
  textFields,
  unsureParts,
  type Mapping,
  type Target,
} from './apply-mapping'

type Draft = { retro: ParsedRetro; include: boolean[]; mappings: Mapping[] }

/**
 * Paste or upload → preview the mapping and adjust it → import in one transaction. `factors`:
 * the names of the contributing factors a postmortem can carry (the active taxonomy).
 */
export function ImportWizard({ factors }: { factors: string[] }) {
  const t = useTranslations('ImportPage')
  const fields = useTranslations('Fields')
  const enums = useTranslations('Enums')
  const router = useRouter()
  const [source, setSource] = useState('')
  const [draft, setDraft] = useState<Draft | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [pending, startTransition] = useTransition()

  const fail = (code: string, limit?: ExceededLimit) => {
    if (limit && code === limitMessage[limit.name]) {
      // Sizes in KB, rounded up: "600 KB; at most 512 KB (88 KB too many)".
      const unit = limit.name === 'bytes' ? 1024 : 1
      const inUnits = (n: number) => Math.ceil(n / unit)
      return setError(
        t(`errors.${limitMessage[limit.name]}`, {
          actual: inUnits(limit.actual),
          max: inUnits(limit.max),
          over: inUnits(limit.over),
        }),
      )
    }
    setError(t.has(`errors.${code}` as never) ? t(`errors.${code}` as never) : t('errors.UNKNOWN'))
  }

  const preview = () =>
    startTransition(async () => {
      setError(null)
      const answer = await callApi('POST /api/v1/imports/preview', { body: source })
      if (!answer.ok) return fail(answer.error.message ?? answer.error.code, answer.error.limit)
      const body = answer.data
      setDraft({
        retro: body,
        include: body.postmortems.map(() => true),
        mappings: body.postmortems.map(() => ({})),
      })
    })

  const save = () =>
    startTransition(async () => {
      if (!draft) return
      const postmortems = draft.retro.postmortems.flatMap((pm, i) =>
        draft.include[i] ? [applyMapping(pm, draft.mappings[i]!)] : [],
      )
      if (!postmortems.length) return setError(t('nothingSelected'))
      const answer = await callApi('POST /api/v1/imports', {
        body: { launch: draft.retro.launch, postmortems },
      })
      if (!answer.ok) return fail('UNKNOWN')
      const body = answer.data
      router.push(body.launch ? `/launches/${body.launch.slug}` : `/postmortems/${body.numbers[0]}/edit`)
    })

  if (!draft)
    return (
      <Card className="grid gap-4">
        <FormError message={error ?? undefined} />
        <label className="grid gap-1.5 text-sm font-medium">
          {t('sourceLabel')}
          <Textarea
            value={source}
            onChange={(e) => setSource(e.target.value)}
            placeholder={t('sourcePlaceholder')}
            className="min-h-64 font-mono text-xs"
          />
        </label>
        <label className="grid gap-1.5 text-sm">
          <span className="inline-flex items-center gap-1.5 font-medium">
            <FileUp className="size-4" aria-hidden />
            {t('fileLabel')}
          </span>
          <Input
            type="file"
            accept=".md,.markdown,.txt,text/markdown,text/plain"
            // The browser's own button, drawn as a button: as plain text it did not look tappable.
            className="h-auto py-1.5 file:mr-3 file:rounded-md file:border file:border-input file:bg-muted file:px-3 file:py-1 file:text-sm file:font-medium file:text-foreground"
            onChange={async (e) => {
              const file = e.target.files?.[0]
              if (!file) return
              const tooLarge = exceeded('bytes', PREVIEW_LIMITS.bytes, file.size)
              if (tooLarge) return fail(limitMessage.bytes, tooLarge)
              setSource(await file.text())
            }}
          />
        </label>
        <Button type="button" className="w-fit" disabled={pending || !source.trim()} onClick={preview}>
          {pending ? t('previewing') : t('preview')}
        </Button>
      </Card>
    )

  const update = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch })
  const setMapping = (i: number, key: string, target: Target) =>
    update({ mappings: draft.mappings.map((m, j) => (j === i ? { ...m, [key]: target } : m)) })
  const targetOptions = (
    <>
      {textFields.map((f) => (
        <option key={f} value={f}>
          {fields(f)}
        </option>
      ))}
      <option value="note">{t('keepAsNote')}</option>
      <option value="drop">{t('leaveOut')}</option>
    </>
  )
  const count = draft.include.filter(Boolean).length

  return (
    <div className="grid gap-4">
      <FormError message={error ?? undefined} />
      {draft.retro.launch ? (
        <label className="grid max-w-xl gap-1.5 text-sm font-medium">
          {t('launchLabel')}
          <Input
            value={draft.retro.launch.name}
            maxLength={120}
            onChange={(e) => update({ retro: { ...draft.retro, launch: { name: e.target.value } } })}
          />
        </label>
      ) : null}
      <ol className="grid gap-4" aria-label={t('title')}>
        {draft.retro.postmortems.map((pm, i) => {
          const setPm = (next: typeof pm) =>
            update({
              retro: {
                ...draft.retro,
                postmortems: draft.retro.postmortems.map((p, j) => (j === i ? next : p)),
              },
            })
          const found = textFields.filter((f) => pm[f])
          const unsure = new Set(unsureParts(pm))
          const toCheck =
            found.filter((f) => unsure.has(f)).length + pm.unmapped.length + (unsure.has('title') ? 1 : 0)
          const listsUnsure = ['timeline', 'lessons', 'actionItems', 'hypotheses'].some((f) => unsure.has(f))
          return (
            <li key={i}>
              <Card className="grid gap-3 p-4" aria-label={pm.title}>
                <label className="inline-flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    checked={draft.include[i]}
                    onChange={(e) =>
                      update({ include: draft.include.map((v, j) => (j === i ? e.target.checked : v)) })
                    }
                  />
                  {t('include')}
                </label>
                <p className="text-sm text-muted-foreground" role="status">
                  {t('toCheck', { count: toCheck })}
                </p>
                <label className="grid gap-1 text-sm font-medium">
                  <span>
                    {t('titleLabel')}
                    {unsure.has('title') ? <UnsureBadge label={t('unsure')} hint={t('unsureHint')} /> : null}
                  </span>
                  <Input
                    value={pm.title}
                    maxLength={200}
                    onChange={(e) => setPm({ ...pm, title: e.target.value })}
                  />
                </label>
                {found.length || pm.unmapped.length ? (
                  <table className="w-full table-fixed text-left text-sm">
                    <thead className="text-xs text-muted-foreground">
                      <tr>
                        <th className="py-1 pr-3 font-medium">{t('section')}</th>
                        <th className="w-48 py-1 font-medium">{t('mapsTo')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {found.map((f) => (
                        <tr
                          key={f}
                          className={cn('border-t border-border align-top', unsure.has(f) && 'bg-warning/10')}
                        >
                          <td className="py-2 pr-3">
                            <span className="font-medium">{fields(f)}</span>
                            {unsure.has(f) ? (
                              <UnsureBadge label={t('unsure')} hint={t('unsureHint')} />
                            ) : null}
                            <p className="line-clamp-2 [overflow-wrap:anywhere] text-muted-foreground">
                              {pm[f]}
                            </p>
                          </td>
                          <td className="py-2">
                            <NativeSelect
                              aria-label={`${t('mapsTo')}: ${fields(f)}`}
                              value={draft.mappings[i]![f] ?? f}
                              onChange={(e) => setMapping(i, f, e.target.value as Target)}
                              className="h-8 w-44"
                            >
                              {targetOptions}
                            </NativeSelect>
                          </td>
                        </tr>
                      ))}
                      {pm.unmapped.map((u, k) => (
                        <tr key={`u${k}`} className="border-t border-border bg-warning/10 align-top">
                          <td className="py-2 pr-3">
                            <span className="font-medium">{t('unmapped', { heading: u.heading })}</span>
                            {u.suggestion ? (
                              <span className="ml-2 text-xs text-muted-foreground">
                                {t('proposed', { field: fields(u.suggestion) })}
                              </span>
                            ) : null}
                            <p className="line-clamp-2 [overflow-wrap:anywhere] text-muted-foreground">
                              {u.text}
                            </p>
                          </td>
                          <td className="py-2">
                            <NativeSelect
                              aria-label={`${t('mapsTo')}: ${u.heading}`}
                              value={draft.mappings[i]![`unmapped:${k}`] ?? defaultTarget(pm, u)}
                              onChange={(e) => setMapping(i, `unmapped:${k}`, e.target.value as Target)}
                              className="h-8 w-44"
                            >
                              {targetOptions}
                            </NativeSelect>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                ) : null}
                {pm.hypotheses.length ? (
                  <div className="grid gap-2">
                    <h3 className="text-sm font-medium">{t('hypotheses')}</h3>
                    <ol className="grid gap-1.5">
                      {pm.hypotheses.map((h, k) => (
                        <li key={k} className="flex items-start justify-between gap-3 text-sm">
                          <span className="min-w-0">
                            {k + 1}. {h.statement}
                            {h.evidence ? (
                              <span className="line-clamp-1 block text-xs [overflow-wrap:anywhere] text-muted-foreground">
                                {h.evidence}
                              </span>
                            ) : null}
                          </span>
                          <NativeSelect
                            aria-label={`${t('hypotheses')} ${k + 1}`}
                            value={h.status}
                            onChange={(e) =>
                              setPm({
                                ...pm,
                                hypotheses: pm.hypotheses.map((x, j) =>
                                  j === k ? { ...x, status: e.target.value as typeof h.status } : x,
                                ),
                              })
                            }
                            className="h-8 w-32 shrink-0"
                          >
                            {hypothesisStatuses.map((s) => (
                              <option key={s} value={s}>
                                {enums(`hypothesis.${s}`)}
                              </option>
                            ))}
                          </NativeSelect>
                        </li>
                      ))}
                    </ol>
                  </div>
                ) : null}
                {factors.length ? (
                  <fieldset className="grid gap-1.5">
                    <legend className="text-sm font-medium">{t('factors')}</legend>
                    <p className="text-xs text-muted-foreground">{t('factorsHint')}</p>
                    <div className="flex flex-wrap gap-x-4 gap-y-1.5">
                      {factors.map((name) => (
                        <label key={name} className="inline-flex items-center gap-2 text-sm">
                          <input
                            type="checkbox"
                            checked={pm.factors?.includes(name) ?? false}
                            onChange={(e) =>
                              setPm({
                                ...pm,
                                factors: e.target.checked
                                  ? [...(pm.factors ?? []), name]
                                  : (pm.factors ?? []).filter((f) => f !== name),
                              })
                            }
                          />
                          {name}
                        </label>
                      ))}
                    </div>
                  </fieldset>
                ) : null}
                <p className="text-xs text-muted-foreground">
                  {t('counts', {
                    timeline: pm.timeline.length,
                    questions: pm.openQuestions.length,
                    lessons: pm.lessons.length,
                    actions: pm.actionItems.length,
                  })}
                  {pm.resolutionKind
                    ? ` · ${t('resolutionKind', { kind: enums(`resolution.${pm.resolutionKind}`) })}`
                    : ''}
                  {pm.metric ? ` · ${t('metric', pm.metric)}` : ''}
                </p>
                {listsUnsure ? <p className="text-xs text-foreground">{t('listsUnsure')}</p> : null}
              </Card>
            </li>
          )
        })}
      </ol>
      <div className="flex flex-wrap gap-2">
        <Button type="button" disabled={pending || !count} onClick={save}>
          {pending ? t('importing') : t('import', { count })}
        </Button>
        <Button type="button" variant="ghost" disabled={pending} onClick={() => setDraft(null)}>
          {t('startOver')}
        </Button>
      </div>
    </div>
  )
}

/** Marks a part the importer is unsure of; the hint says why, for sighted and screen-reader users alike. */
function UnsureBadge({ label, hint }: { label: string; hint: string }) {
  return (
    <span
      className="ml-2 inline-flex rounded-sm border border-warning bg-warning/20 px-1.5 py-0.5 text-xs font-medium text-foreground"
      title={hint}
    >
      {label}
      <span className="sr-only">: {hint}</span>
    </span>
  )
}
