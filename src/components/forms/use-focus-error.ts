'use client'

import { useEffect, useRef } from 'react'
import type { FormState } from '@/lib/form-state'

/**
 * After a refused submit, moves the keyboard focus to what the user must fix: the first
 * invalid field, else the form's error message. Returns the ref for the `<form>`.
 */
export function useFocusError(state: FormState) {
  const form = useRef<HTMLFormElement>(null)
  useEffect(() => {
    if (state.status !== 'invalid' && state.status !== 'error') return
    const target =
      form.current?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      form.current?.querySelector<HTMLElement>('[role="alert"]')
    target?.focus()
  }, [state])
  return form
}
