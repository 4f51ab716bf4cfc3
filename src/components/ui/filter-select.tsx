'use client'

import { NativeSelect } from './input'

export type FilterSelectProps = {
  name: string
  label: string
  value: string | undefined
  options: { value: string; label: string }[]
  /** Label of the empty "no filter" option; without it a value is always chosen. */
  allLabel?: string
}

/**
 * One filter of a GET form: a small labelled select whose empty value means "all". A client
 * component so that its options travel as data: as server-rendered elements, a menu of a
 * hundred launches was a hundred rows of the page's payload, each rendered in a turn of its own.
 */
export function FilterSelect({ name, label, value, options, allLabel }: FilterSelectProps) {
  return (
    <label className="grid gap-1 text-xs text-muted-foreground">
      {label}
      <NativeSelect name={name} defaultValue={value ?? ''} className="h-8 min-w-28 text-sm text-foreground">
        {allLabel !== undefined ? <option value="">{allLabel}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </NativeSelect>
    </label>
  )
}
