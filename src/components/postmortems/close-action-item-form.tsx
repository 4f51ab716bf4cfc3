'use client'

import { useTranslations } from '@/i18n/use-translations'
import { useMemo, useState } from 'react'
import { ActionForm, type FormAction } from '@/components/forms/action-form'
import { SubmitButton } from '@/components/forms/submit-button'
import { Field } from '@/components/ui/field'
import { LazyDetails } from '@/components/ui/lazy-details'
import { Input } from '@/components/ui/input'
import { Textarea } from '@/components/ui/textarea'
import type { FormState } from '@/lib/form-state'
import type { ActionItemOutcome } from '@/server/postmortems/schemas'

/** The close action, given the item's id first (bound here, in the browser). */
export type CloseAction = (itemId: string, prev: FormState, data: FormData) => Promise<FormState>

/**
 * "Close…" on an open action item: done, with evidence (a link or a before → after figure)
 * that the severity's policy may require, or won't do, with a reason (decision 021). The form is
 * rendered once it is first opened (LazyDetails): a list of open items (My work, a postmortem)
 * carries one per item, and fifty unopened forms were most of My work's page. The action is bound
 * to the item here, in the browser: one bound per item on the server was two rows of the page's
 * payload each.
 */
export function CloseActionItemForm({
  itemId,
  title,
  evidenceRequired,
  action,
}: {
  itemId: string
  title: string
  evidenceRequired: boolean
  action: CloseAction
}) {
  const t = useTranslations('CloseActionItem')
  const close: FormAction = useMemo(() => action.bind(null, itemId), [action, itemId])
  const [outcome, setOutcome] = useState<ActionItemOutcome>('DONE')
  const id = (name: string) => `close-${itemId}-${name}`
  return (
    <LazyDetails
      className="group w-full text-sm print:hidden"
      summaryClassName="cursor-pointer text-primary hover:underline"
      summaryLabel={t('openFor', { title })}
      summary={t('open')}
    >
      <ActionForm
        action={close}
        className="mt-2 grid gap-3 rounded-md border border-border p-3"
        aria-label={t('formFor', { title })}
      >
        {({ errors, values }) => (
          <>
            <fieldset className="flex flex-wrap gap-4">
              <legend className="mb-1 text-sm font-medium">{t('outcome')}</legend>
              {(['DONE', 'WONT_DO'] as const).map((value) => (
                <label key={value} className="inline-flex items-center gap-2">
                  <input
                    type="radio"
                    name="outcome"
                    value={value}
                    checked={outcome === value}
                    onChange={() => setOutcome(value)}
                  />
                  {t(value === 'DONE' ? 'done' : 'wontDo')}
                </label>
              ))}
            </fieldset>
            {outcome === 'DONE' ? (
              <>
                <p className="text-xs text-muted-foreground">
                  {evidenceRequired ? t('evidenceRequired') : t('evidenceOptional')}
                </p>
                <Field id={id('link')} label={t('evidenceLink')} error={errors.evidenceLink}>
                  {(aria) => (
                    <Input
                      {...aria}
                      name="evidenceLink"
                      type="url"
                      placeholder="https://"
                      defaultValue={values.evidenceLink}
                    />
                  )}
                </Field>
                <div className="grid gap-3 sm:grid-cols-2">
                  <Field id={id('before')} label={t('before')} error={errors.evidenceBefore}>
                    {(aria) => (
                      <Input
                        {...aria}
                        name="evidenceBefore"
                        maxLength={100}
                        placeholder="0.6/s"
                        defaultValue={values.evidenceBefore}
                      />
                    )}
                  </Field>
                  <Field id={id('after')} label={t('after')} error={errors.evidenceAfter}>
                    {(aria) => (
                      <Input
                        {...aria}
                        name="evidenceAfter"
                        maxLength={100}
                        placeholder="80/s"
                        defaultValue={values.evidenceAfter}
                      />
                    )}
                  </Field>
                </div>
              </>
            ) : (
              <Field id={id('reason')} label={t('reason')} error={errors.reason}>
                {(aria) => (
                  <Textarea {...aria} name="reason" rows={2} maxLength={2000} defaultValue={values.reason} />
                )}
              </Field>
            )}
            <div>
              <SubmitButton size="sm" pendingLabel={t('closing')}>
                {t('submit')}
              </SubmitButton>
            </div>
          </>
        )}
      </ActionForm>
    </LazyDetails>
  )
}
