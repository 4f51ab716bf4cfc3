'use client'

import { useTranslations } from '@/i18n/use-translations'
import { useState } from 'react'
import { ActionForm, type FormAction } from '@/components/forms/action-form'
import { SubmitButton } from '@/components/forms/submit-button'
import { NameListField } from '@/components/postmortems/editor/fields'

type Names = { services: string[]; tags: string[] }

/**
 * The services and tags a launch touches, as the inputs of a form: each name is sent as a
 * `services` or `tags` field. They decide which checks past incidents propose for it.
 */
export function LaunchTaxonomyFields({
  value,
  suggestions,
  errors,
}: {
  value: Names
  suggestions: Names
  errors: Record<string, string>
}) {
  const t = useTranslations('LaunchProposals')
  const [names, setNames] = useState(value)
  return (
    <>
      <div className="grid gap-3 sm:grid-cols-2">
        {(['services', 'tags'] as const).map((kind) => (
          <NameListField
            key={kind}
            id={`launch-${kind}`}
            label={t(`${kind}Label`)}
            value={names[kind]}
            suggestions={suggestions[kind]}
            error={errors[kind]}
            onChange={(list) => setNames((now) => ({ ...now, [kind]: list }))}
          />
        ))}
      </div>
      {(['services', 'tags'] as const).flatMap((kind) =>
        names[kind].map((name) => <input key={`${kind}:${name}`} type="hidden" name={kind} value={name} />),
      )}
    </>
  )
}

/** The launch page's form for them: saving changes what is proposed below it. */
export function LaunchTaxonomyForm({
  action,
  value,
  suggestions,
}: {
  action: FormAction
  value: Names
  suggestions: Names
}) {
  const t = useTranslations('LaunchProposals')
  return (
    <ActionForm action={action} className="grid gap-3" aria-label={t('taxonomyLabel')}>
      {({ errors, saved }) => (
        <>
          <LaunchTaxonomyFields value={value} suggestions={suggestions} errors={errors} />
          <div className="flex flex-wrap items-center gap-3">
            <SubmitButton size="sm" variant="secondary" pendingLabel={t('saving')}>
              {t('saveTaxonomy')}
            </SubmitButton>
            <p role="status" className="text-sm text-muted-foreground">
              {saved ? t('taxonomySaved') : null}
            </p>
          </div>
        </>
      )}
    </ActionForm>
  )
}
