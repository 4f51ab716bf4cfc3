'use client'

import { Link } from '@/components/ui/link'
import { useFormatter } from '@/i18n/use-formatter'
import { useTranslations } from '@/i18n/use-translations'
import { useEffect, useRef, useState, type ReactNode } from 'react'
import { ActionForm, type FormAction } from '@/components/forms/action-form'
import { SubmitButton } from '@/components/forms/submit-button'
import { Highlighted } from '@/components/search/highlighted'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Field } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import type { Proposals } from '@/server/checklists/propose-checks'
import { formatNumber } from '@/server/postmortems/postmortem-number'

type Target = { checklistItemId: string } | { postmortemNumber: number }
type Proposal = {
  key: string
  target: Target
  /** What the check or incident is, named in its buttons. */
  name: string
  body: ReactNode
}

/**
 * What past incidents propose for a launch (decision 026): checks learned on its services and
 * tags, and past incidents like its description, each with why, added in one click or dismissed
 * with a reason. After either, the focus moves to the next proposal, which took its place.
 */
export function LaunchProposals({
  proposals,
  accept,
  dismiss,
  headingId,
}: {
  proposals: Proposals
  accept: FormAction
  dismiss: FormAction
  /** Where the focus goes when the last proposal is gone. */
  headingId: string
}) {
  const t = useTranslations('LaunchProposals')
  const items: Proposal[] = proposals.items.map((item) => ({
    key: `item-${item.checklistItemId}`,
    target: { checklistItemId: item.checklistItemId },
    name: item.text,
    body: (
      <>
        <p className="font-medium break-words">{item.text}</p>
        <p className="text-sm text-muted-foreground">
          {t('learnedFrom')}{' '}
          {item.incidents.map((incident, i) => (
            <span key={incident.number}>
              {i ? ', ' : null}
              <Link href={`/postmortems/${incident.number}`} className="underline underline-offset-2">
                <span className="font-mono">{formatNumber(incident.number)}</span>{' '}
                <span lang={incident.language ?? undefined}>{incident.title}</span>
              </Link>
            </span>
          ))}
        </p>
        {item.services.length + item.tags.length ? (
          <p className="flex flex-wrap items-center gap-1.5 text-xs text-muted-foreground">
            {t('shares')}
            {item.services.map((name) => (
              <Badge key={`s:${name}`}>{t('service', { name })}</Badge>
            ))}
            {item.tags.map((name) => (
              <Badge key={`t:${name}`}>{t('tag', { name })}</Badge>
            ))}
          </p>
        ) : null}
      </>
    ),
  }))
  const incidents: Proposal[] = proposals.incidents.map((incident) => ({
    key: `incident-${incident.number}`,
    target: { postmortemNumber: incident.number },
    name: `${formatNumber(incident.number)} ${incident.title}`,
    body: (
      <>
        <p className="font-medium break-words">
          <Link href={`/postmortems/${incident.number}`} className="underline underline-offset-2">
            <span className="font-mono">{formatNumber(incident.number)}</span>{' '}
            <span lang={incident.language ?? undefined}>{incident.title}</span>
          </Link>
        </p>
        <p lang={incident.language ?? undefined} className="text-sm break-words text-muted-foreground">
          <Highlighted
            snippet={{ field: 'summary', text: incident.sentence, highlights: incident.highlights }}
          />
        </p>
        <p className="text-xs text-muted-foreground">{t('addsChecks', { count: incident.itemCount })}</p>
      </>
    ),
  }))
  const all = [...items, ...incidents]
  // The place of the proposal last acted on: once it is gone, the one now there gets the focus.
  const acted = useRef<number | null>(null)
  const keys = all.map((p) => p.key).join(' ')
  useEffect(() => {
    const at = acted.current
    if (at === null) return
    acted.current = null
    const next = all[Math.min(at, all.length - 1)]
    document.getElementById(next ? next.key : headingId)?.focus()
    // Only when the proposals themselves change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [keys])
  const actions = {
    accept,
    dismiss,
    onAct: (key: string) => (acted.current = all.findIndex((p) => p.key === key)),
  }
  return (
    <div className="grid gap-5">
      {!proposals.hasTaxonomy ? <p className="text-sm text-muted-foreground">{t('noTaxonomy')}</p> : null}
      {items.length ? (
        <ProposalList title={t('itemsTitle')} id="proposed-checks" proposals={items} actions={actions} />
      ) : null}
      {incidents.length ? (
        <ProposalList
          title={t('incidentsTitle')}
          id="proposed-incidents"
          proposals={incidents}
          actions={actions}
        />
      ) : null}
      {proposals.hasTaxonomy && !items.length && !incidents.length ? (
        <p className="text-sm text-muted-foreground">{t('empty')}</p>
      ) : null}
      {proposals.dismissed.length ? <DismissedList dismissed={proposals.dismissed} /> : null}
    </div>
  )
}

function ProposalList({
  title,
  id,
  proposals,
  actions,
}: {
  title: string
  id: string
  proposals: Proposal[]
  actions: { accept: FormAction; dismiss: FormAction; onAct: (key: string) => void }
}) {
  return (
    <div className="grid gap-2">
      <h4 id={`${id}-title`} className="text-sm font-semibold">
        {title}
      </h4>
      <ol className="grid gap-2" aria-labelledby={`${id}-title`}>
        {proposals.map((proposal) => (
          <li
            key={proposal.key}
            id={proposal.key}
            tabIndex={-1}
            aria-label={proposal.name}
            className="grid gap-2 rounded-lg border border-border bg-card px-4 py-3 focus-visible:outline-2 focus-visible:outline-ring"
            onSubmitCapture={() => actions.onAct(proposal.key)}
          >
            {proposal.body}
            <ProposalActions proposal={proposal} accept={actions.accept} dismiss={actions.dismiss} />
          </li>
        ))}
      </ol>
    </div>
  )
}

function ProposalActions({
  proposal,
  accept,
  dismiss,
}: {
  proposal: Proposal
  accept: FormAction
  dismiss: FormAction
}) {
  const t = useTranslations('LaunchProposals')
  const [dismissing, setDismissing] = useState(false)
  const target = Object.entries(proposal.target).map(([name, value]) => (
    <input key={name} type="hidden" name={name} value={String(value)} />
  ))
  const reasonId = `${proposal.key}-reason`
  return (
    <div className="grid gap-2">
      <div className="flex flex-wrap gap-2">
        <ActionForm action={accept}>
          {() => (
            <>
              {target}
              <SubmitButton
                size="sm"
                pendingLabel={t('adding')}
                aria-label={t('accept', { name: proposal.name })}
              >
                {t('add')}
              </SubmitButton>
            </>
          )}
        </ActionForm>
        <Button
          type="button"
          size="sm"
          variant="ghost"
          aria-expanded={dismissing}
          aria-controls={`${proposal.key}-dismiss`}
          aria-label={t('dismissOpen', { name: proposal.name })}
          onClick={() => setDismissing((open) => !open)}
        >
          {t('dismiss')}
        </Button>
      </div>
      {dismissing ? (
        <ActionForm action={dismiss} className="grid gap-2 sm:max-w-md">
          {({ errors }) => (
            <div id={`${proposal.key}-dismiss`} className="grid gap-2">
              {target}
              <Field id={reasonId} label={t('reasonLabel')} error={errors.reason}>
                {(aria) => <Input {...aria} name="reason" maxLength={300} autoFocus required />}
              </Field>
              <div className="flex gap-2">
                <SubmitButton size="sm" variant="secondary" pendingLabel={t('dismissing')}>
                  {t('confirmDismiss')}
                </SubmitButton>
                <Button type="button" size="sm" variant="ghost" onClick={() => setDismissing(false)}>
                  {t('cancel')}
                </Button>
              </div>
            </div>
          )}
        </ActionForm>
      ) : null}
    </div>
  )
}

/** What was dismissed for this launch, folded away: the reasons stay readable. */
function DismissedList({ dismissed }: { dismissed: Proposals['dismissed'] }) {
  const t = useTranslations('LaunchProposals')
  const format = useFormatter()
  return (
    <details className="rounded-lg border border-border px-4 py-3 text-sm">
      <summary className="cursor-pointer font-medium">
        {t('dismissedTitle', { count: dismissed.length })}
      </summary>
      <ul className="mt-3 grid gap-3">
        {dismissed.map((d, i) => (
          <li key={i} className="grid gap-0.5">
            {d.checklistItem ? (
              <span className="break-words">{d.checklistItem.text}</span>
            ) : d.incident ? (
              <Link
                href={`/postmortems/${d.incident.number}`}
                className="break-words underline underline-offset-2"
              >
                <span className="font-mono">{formatNumber(d.incident.number)}</span>{' '}
                <span lang={d.incident.language ?? undefined}>{d.incident.title}</span>
              </Link>
            ) : null}
            <span className="text-muted-foreground">
              {t('dismissedBecause', {
                reason: d.reason,
                name: d.by ?? '—',
                when: format.dateTime(new Date(d.at), { dateStyle: 'medium' }),
              })}
            </span>
          </li>
        ))}
      </ul>
    </details>
  )
}
