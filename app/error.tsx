'use client'

import { ErrorState, type ErrorStateProps } from '@/components/states/error-state'

export default function RootError(props: ErrorStateProps) {
  return <ErrorState {...props} />
}
