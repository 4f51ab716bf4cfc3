'use client'

import { useTranslations } from '@/i18n/use-translations'
import { useEffect, useRef, useState } from 'react'
import { ActionForm, type FormAction } from '@/components/forms/action-form'
import { SubmitButton } from '@/components/forms/submit-button'
import { Field } from '@/components/ui/field'
import { Textarea } from '@/components/ui/textarea'
import { nextLaunchStatuses, type LaunchStatus } from '@/server/launches/launch-status'

/** The launch's next steps; launching while not ready asks an admin for a reason. */
export function LaunchStatusForm({
  action,
  status,
  ready,
  isAdmin,
}: {
  action: FormAction
  status: LaunchStatus
  ready: boolean
  isAdmin: boolean
}) {
  const t = useTranslations('LaunchReview')
  const statuses = useTranslations('LaunchStatus')
  const [overriding, setOverriding] = useState(false)
  // The pressed button goes away with the status it led to: the focus moves to a note of the
  // new status instead of falling to the top of the page.
  const [pressed, setPressed] = useState(false)
  const note = useRef<HTMLParagraphElement>(null)
  const [moved, setMoved] = useState<{ from: LaunchStatus; to: LaunchStatus }>()
  const [shown, setShown] = useState(status)
  if (shown !== status) {
    setShown(status)
    if (pressed) {
      setMoved({ from: shown, to: status })
      setPressed(false)
    }
  }
  useEffect(() => {
    if (moved) note.current?.focus()
  }, [moved])
  const statusNote = moved ? (
    <p ref={note} tabIndex={-1} role="status" className="text-sm text-muted-foreground">
      {t('statusChanged', { status: statuses(moved.to) })}
    </p>
  ) : null
  if (!nextLaunchStatuses(status).length) return statusNote
  return (
    <ActionForm action={action} className="grid gap-2">
      {({ errors }) => (
        <>
          {statusNote}
          <div className="flex flex-wrap gap-2">
            {nextLaunchStatuses(status).map((to) =>
              to === 'LAUNCHED' && !ready && !overriding ? (
                isAdmin ? (
                  <button
                    key={to}
                    type="button"
                    className="h-8 rounded-md border border-input px-3 text-sm hover:bg-muted"
                    onClick={() => setOverriding(true)}
                  >
                    {t('overrideStart')}
                  </button>
                ) : null
              ) : (
                <SubmitButton
                  key={to}
                  name="to"
                  value={to}
                  size="sm"
                  variant={to === 'CANCELLED' || to === 'PLANNED' ? 'ghost' : 'primary'}
                  pendingLabel={t('saving')}
                  onClick={() => setPressed(true)}
                >
                  {t(`to.${to}`)}
                </SubmitButton>
              ),
            )}
          </div>
          {overriding ? (
            <Field id="override-reason" label={t('overrideReason')} error={errors.reason}>
              {(aria) => <Textarea {...aria} name="reason" rows={2} maxLength={2000} required />}
            </Field>
          ) : null}
          {errors.to ? <p className="text-sm text-destructive">{errors.to}</p> : null}
        </>
      )}
    </ActionForm>
  )
}
