'use client'

import { ErrorState, type ErrorStateProps } from '@/components/states/error-state'

export default function AppError(props: ErrorStateProps) {
  return <ErrorState {...props} />
}
