'use client'

import { RefreshCw, Trash2 } from 'lucide-react'
import { useFormatter } from '@/i18n/use-formatter'
import { useTranslations } from '@/i18n/use-translations'
import { useState } from 'react'
import { ItemSources } from '@/components/checklists/item-source'
import { ActionForm } from '@/components/forms/action-form'
import { SubmitButton } from '@/components/forms/submit-button'
import { useActionError } from '@/components/forms/use-action-error'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Field, FormError } from '@/components/ui/field'
import { LazyDetails } from '@/components/ui/lazy-details'
import { NativeSelect } from '@/components/ui/input'
import { Textarea } from '@/components/ui/textarea'
import type { FormState } from '@/lib/form-state'
import type { LaunchCheckView } from '@/server/checklists/launch-review'
import { checkStatuses, type CheckStatus } from '@/server/checklists/check-statuses'
import {
  checklistOpen,
  checksJudged,
  checksRemovable,
  type LaunchStatus,
} from '@/server/launches/launch-status'
import { SubChecks } from './sub-checks'

type Bound = (id: string, prev: FormState, data: FormData) => Promise<FormState>

export type CheckActions = {
  assignOwner: Bound
  setStatus: Bound
  addSubChecks: Bound
  toggleSubCheck: (subCheckId: string, done: boolean) => Promise<FormState>
  pullNewer: (checkId: string) => Promise<FormState>
  remove: (checkId: string) => Promise<FormState>
}

const tone: Record<CheckStatus, 'neutral' | 'accent' | 'success' | 'danger'> = {
  PENDING: 'neutral',
  PASS: 'success',
  FAIL: 'danger',
  NA: 'accent',
  WAIVED: 'accent',
}

/** One check of a launch review: owner, verdict with evidence or reason, sub-checks, source. */
export function CheckCard({
  check,
  people,
  launchStatus,
  canEdit,
  actions,
}: {
  check: LaunchCheckView
  people: { id: string; name: string }[]
  launchStatus: LaunchStatus
  canEdit: boolean
  actions: CheckActions
}) {
  const t = useTranslations('LaunchReview')
  const statuses = useTranslations('CheckStatus')
  const format = useFormatter()
  // Pulling the newer wording or removing the check: a refusal is shown at the card's end.
  const { error, pending, run } = useActionError()
  const open = canEdit && checklistOpen(launchStatus)
  const inReview = canEdit && checksJudged(launchStatus)
  // A check without an owner shows the form to pick one, and keeps it once someone does (the
  // Assign button keeps the focus, and "Saved" is read out). An owned check names its owner, and
  // the form to change it opens on request: twenty checks sent twenty forms of the whole team.
  const [ownerFormShown] = useState(!check.owner)
  const ownerForm = (
    <OwnerForm check={check} people={people} action={actions.assignOwner.bind(null, check.id)} />
  )
  return (
    <li
      id={`check-${check.id}`}
      aria-label={check.text}
      className="grid scroll-mt-4 gap-3 rounded-lg border border-border bg-card px-4 py-3"
    >
      {/* On a phone the status sits above the text rather than beside it, in a narrow column. */}
      <div className="flex flex-col-reverse items-start gap-2 sm:flex-row sm:flex-wrap">
        <div className="grid min-w-0 gap-1 self-stretch sm:flex-1">
          <p className="flex flex-wrap items-baseline gap-2">
            <span className="font-medium break-words">{check.text}</span>
            {check.category ? <Badge>{check.category}</Badge> : null}
            <Badge>{check.required ? t('required') : t('optional')}</Badge>
            {!check.template ? <Badge tone="accent">{t('adhoc')}</Badge> : null}
          </p>
          {check.rationale ? (
            <p className="text-sm break-words text-muted-foreground">{check.rationale}</p>
          ) : null}
          <ItemSources sources={check.sources} />
        </div>
        <Badge tone={tone[check.status]} data-testid="check-status">
          {statuses(check.status)}
        </Badge>
      </div>

      {check.newer ? (
        <div className="flex flex-wrap items-center gap-2 rounded-md bg-accent/40 px-3 py-2 text-sm">
          <span className="min-w-0 flex-1 break-words">
            {t('newerWording', { version: check.newer.version })} <q>{check.newer.text}</q>
          </span>
          {open ? (
            <Button
              size="sm"
              variant="secondary"
              disabled={pending}
              onClick={() => run(() => actions.pullNewer(check.id))}
            >
              <RefreshCw aria-hidden />
              {t('pullNewer')}
            </Button>
          ) : null}
        </div>
      ) : null}

      <div className="flex flex-wrap items-end gap-x-6 gap-y-2 text-sm">
        {open && ownerFormShown ? (
          ownerForm
        ) : (
          <p>
            <span className="text-muted-foreground">{t('owner')}: </span>
            {check.owner?.name ?? <span className="text-destructive">{t('noOwner')}</span>}
          </p>
        )}
        {open && !ownerFormShown ? (
          <LazyDetails
            // Beside the owner's name while closed; open, the form takes a row of its own.
            className="open:basis-full"
            summaryClassName="cursor-pointer text-sm text-primary"
            summary={t('changeOwner')}
            summaryLabel={t('changeOwnerOf', { check: check.text })}
          >
            <div className="mt-2">{ownerForm}</div>
          </LazyDetails>
        ) : null}
        {check.checkedBy && check.checkedAt ? (
          <p className="text-xs text-muted-foreground">
            {t('checkedBy', {
              name: check.checkedBy.name,
              date: format.dateTime(check.checkedAt, { dateStyle: 'medium', timeStyle: 'short' }),
            })}
          </p>
        ) : null}
      </div>

      {check.evidence ? (
        <p className="text-sm break-words">
          <span className="text-muted-foreground">{t('evidence')}: </span>
          {/^https?:\/\/\S+$/.test(check.evidence) ? (
            <a
              href={check.evidence}
              className="text-primary underline underline-offset-2"
              rel="noreferrer noopener"
            >
              {check.evidence}
            </a>
          ) : (
            check.evidence
          )}
        </p>
      ) : null}
      {check.waiverReason ? (
        <p className="text-sm break-words">
          <span className="text-muted-foreground">{t('reason')}: </span>
          {check.waiverReason}
        </p>
      ) : null}

      <SubChecks
        check={check}
        canTick={inReview}
        canAdd={open}
        addAction={actions.addSubChecks.bind(null, check.id)}
        toggle={actions.toggleSubCheck}
      />

      {inReview ? <StatusForm check={check} action={actions.setStatus.bind(null, check.id)} /> : null}

      {canEdit && checksRemovable(launchStatus) ? (
        <Button
          variant="ghost"
          size="sm"
          className="w-fit text-muted-foreground"
          disabled={pending}
          onClick={() => run(() => actions.remove(check.id))}
        >
          <Trash2 aria-hidden />
          {t('remove')}
        </Button>
      ) : null}
      <FormError message={error} />
    </li>
  )
}

/** Who owns a check: one person of the team, committed by the Assign button. */
function OwnerForm({
  check,
  people,
  action,
}: {
  check: LaunchCheckView
  people: { id: string; name: string }[]
  action: (prev: FormState, data: FormData) => Promise<FormState>
}) {
  const t = useTranslations('LaunchReview')
  return (
    <ActionForm action={action} className="flex flex-wrap items-end gap-2">
      {({ errors, pending, saved }) => (
        <>
          <Field id={`owner-${check.id}`} label={t('owner')} error={errors.ownerId} className="w-56">
            {(aria) => (
              // Committed by the Assign button, never by an arrow key in the select (WCAG 3.2.2).
              <NativeSelect {...aria} name="ownerId" defaultValue={check.owner?.id ?? ''}>
                <option value="" disabled>
                  {t('chooseOwner')}
                </option>
                {people.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </NativeSelect>
            )}
          </Field>
          <SubmitButton
            size="md"
            variant="secondary"
            aria-label={t('assignOwnerOf', { check: check.text })}
            pendingLabel={t('saving')}
          >
            {t('assignOwner')}
          </SubmitButton>
          <span role="status" className="pb-2 text-xs text-muted-foreground">
            {pending ? t('saving') : saved ? t('saved') : ''}
          </span>
        </>
      )}
    </ActionForm>
  )
}

function StatusForm({
  check,
  action,
}: {
  check: LaunchCheckView
  action: (prev: FormState, data: FormData) => Promise<FormState>
}) {
  const t = useTranslations('LaunchReview')
  const statuses = useTranslations('CheckStatus')
  const [status, setStatus] = useState<CheckStatus>(check.status)
  return (
    <LazyDetails
      className="rounded-md border border-dashed px-3 py-2"
      summaryClassName="cursor-pointer text-sm text-primary"
      summary={t('record')}
    >
      <ActionForm action={action} className="mt-3 grid gap-3">
        {({ errors }) => (
          <>
            <Field id={`status-${check.id}`} label={t('verdict')} error={errors.status} className="w-56">
              {(aria) => (
                <NativeSelect
                  {...aria}
                  name="status"
                  value={status}
                  onChange={(e) => setStatus(e.currentTarget.value as CheckStatus)}
                >
                  {checkStatuses.map((s) => (
                    <option key={s} value={s}>
                      {statuses(s)}
                    </option>
                  ))}
                </NativeSelect>
              )}
            </Field>
            {status === 'PASS' || status === 'FAIL' ? (
              <Field
                id={`evidence-${check.id}`}
                label={t('evidence')}
                hint={t('evidenceHint')}
                error={errors.evidence}
              >
                {(aria) => (
                  <Textarea
                    {...aria}
                    name="evidence"
                    rows={2}
                    maxLength={4000}
                    defaultValue={check.evidence}
                  />
                )}
              </Field>
            ) : null}
            {status === 'WAIVED' || status === 'NA' ? (
              <Field id={`reason-${check.id}`} label={t('reason')} error={errors.waiverReason}>
                {(aria) => (
                  <Textarea
                    {...aria}
                    name="waiverReason"
                    rows={2}
                    maxLength={2000}
                    defaultValue={check.waiverReason ?? ''}
                  />
                )}
              </Field>
            ) : null}
            <SubmitButton size="sm" className="w-fit" pendingLabel={t('saving')}>
              {t('saveVerdict')}
            </SubmitButton>
          </>
        )}
      </ActionForm>
    </LazyDetails>
  )
}
