'use client'

import { useTranslations } from '@/i18n/use-translations'
import { ActionForm, type FormAction } from '@/components/forms/action-form'
import { SubmitButton } from '@/components/forms/submit-button'
import { Input } from '@/components/ui/input'
import type { DuePolicy } from '@/server/postmortems/follow-through'
import { duePolicyFields } from '@/server/postmortems/due-policy-fields'

/** One row per severity: days until due (empty: none) and whether closing needs evidence. */
export function DuePoliciesForm({ policies, action }: { policies: DuePolicy[]; action: FormAction }) {
  const t = useTranslations('DuePoliciesPage')
  return (
    <ActionForm action={action} className="grid gap-4" aria-label={t('title')}>
      {({ errors, values, saved }) => (
        <>
          <table className="w-full text-sm">
            <thead>
              <tr className="text-left text-muted-foreground">
                <th scope="col" className="py-2 pr-4 font-medium break-keep">
                  {t('severity')}
                </th>
                <th scope="col" className="py-2 pr-4 font-medium break-keep">
                  {t('dueDays')}
                </th>
                <th scope="col" className="py-2 font-medium">
                  {t('evidence')}
                </th>
              </tr>
            </thead>
            <tbody>
              {policies.map(({ severity, dueDays, evidenceRequired }) => {
                const names = duePolicyFields(severity)
                const error = errors[names.days]
                return (
                  <tr key={severity} className="border-t border-border align-top">
                    <th scope="row" className="py-3 pr-4 text-left font-mono font-medium">
                      {severity}
                    </th>
                    <td className="py-2 pr-4">
                      <Input
                        name={names.days}
                        type="number"
                        inputMode="numeric"
                        min={1}
                        max={3650}
                        className="w-28"
                        aria-label={t('dueDaysFor', { severity })}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={error ? `${names.days}-error` : undefined}
                        defaultValue={values[names.days] ?? dueDays ?? ''}
                        placeholder={t('noDueDate')}
                      />
                      {error ? (
                        <p id={`${names.days}-error`} role="alert" className="mt-1 text-sm text-destructive">
                          {error}
                        </p>
                      ) : null}
                    </td>
                    <td className="py-3">
                      <label className="inline-flex items-center gap-2 break-keep">
                        <input
                          type="checkbox"
                          name={names.evidence}
                          defaultChecked={evidenceRequired}
                          className="size-4"
                        />
                        {t('evidenceFor', { severity })}
                      </label>
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
          <p className="text-xs text-muted-foreground">{t('hint')}</p>
          <div className="flex items-center gap-3">
            <SubmitButton pendingLabel={t('saving')}>{t('save')}</SubmitButton>
            {saved ? (
              <span role="status" className="text-sm text-success">
                {t('saved')}
              </span>
            ) : null}
          </div>
        </>
      )}
    </ActionForm>
  )
}
