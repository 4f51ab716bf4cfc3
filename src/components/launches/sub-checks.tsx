'use client'

import { useTranslations } from '@/i18n/use-translations'
import { useEffect, useOptimistic } from 'react'
import { ActionForm } from '@/components/forms/action-form'
import { SubmitButton } from '@/components/forms/submit-button'
import { useActionError } from '@/components/forms/use-action-error'
import { Field, FormError } from '@/components/ui/field'
import { LazyDetails } from '@/components/ui/lazy-details'
import { Textarea } from '@/components/ui/textarea'
import type { FormState } from '@/lib/form-state'
import type { LaunchCheckView } from '@/server/checklists/launch-review'

/** Sub-checks of a check (e.g. one per table of a schema change), with progress. */
export function SubChecks({
  check,
  canTick,
  canAdd,
  addAction,
  toggle,
}: {
  check: LaunchCheckView
  canTick: boolean
  canAdd: boolean
  addAction: (prev: FormState, data: FormData) => Promise<FormState>
  toggle: (subCheckId: string, done: boolean) => Promise<FormState>
}) {
  const t = useTranslations('LaunchReview')
  const [subs, setDone] = useOptimistic(check.subChecks, (state, change: { id: string; done: boolean }) =>
    state.map((s) => (s.id === change.id ? { ...s, done: change.done } : s)),
  )
  // A refused tick says why under the boxes, which fall back to what is saved.
  const { error, pending: saving, run } = useActionError()
  // Progress counts what is saved; the boxes show what was just ticked.
  const done = check.subChecks.filter((s) => s.done).length
  useEffect(() => {
    if (!saving) return
    const warn = (event: BeforeUnloadEvent) => event.preventDefault()
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [saving])
  if (!subs.length && !canAdd) return null
  return (
    <div className="grid gap-2">
      {subs.length ? (
        <>
          <div className="flex items-center gap-3 text-sm">
            <progress
              value={done}
              max={subs.length}
              aria-label={t('subChecksProgressLabel')}
              className="h-2 w-40 accent-primary"
            />
            <span data-testid="sub-check-progress">
              {t('subChecksProgress', { done, total: subs.length })}
            </span>
          </div>
          <ul className="grid max-h-72 grid-cols-[repeat(auto-fill,minmax(12rem,1fr))] gap-x-4 gap-y-1 overflow-y-auto text-sm">
            {subs.map((s) => (
              <li key={s.id}>
                <label className="flex items-center gap-2 break-all">
                  <input
                    type="checkbox"
                    className="size-4 shrink-0"
                    checked={s.done}
                    disabled={!canTick}
                    onChange={(e) => {
                      const next = e.currentTarget.checked
                      run(() => {
                        setDone({ id: s.id, done: next })
                        return toggle(s.id, next)
                      })
                    }}
                  />
                  {s.label}
                </label>
              </li>
            ))}
          </ul>
          <FormError message={error} />
        </>
      ) : null}
      {canAdd ? (
        <LazyDetails summaryClassName="cursor-pointer text-sm text-primary" summary={t('addSubChecks')}>
          <ActionForm action={addAction} className="mt-2 grid gap-2" resetOnSuccess>
            {({ errors }) => (
              <>
                <Field
                  id={`subchecks-${check.id}`}
                  label={t('subChecksLabel')}
                  hint={t('subChecksHint')}
                  error={errors.lines}
                >
                  {(aria) => <Textarea {...aria} name="lines" rows={5} className="font-mono text-xs" />}
                </Field>
                <SubmitButton size="sm" className="w-fit" pendingLabel={t('saving')}>
                  {t('createSubChecks')}
                </SubmitButton>
              </>
            )}
          </ActionForm>
        </LazyDetails>
      ) : null}
    </div>
  )
}
