export type DomainErrorCode =
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'CONFLICT'
  | 'INVALID_STATE'
  | 'INVALID_INPUT'
  | 'RATE_LIMITED'

export type DomainError = {
  code: DomainErrorCode
  /** A safe, non-translated detail for logs and the JSON API; the UI translates `code`. */
  message?: string
  /** Field name → i18n key under `Validation`/`Errors`, for forms. */
  fields?: Record<string, string>
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: DomainError }

export const ok = <T>(data: T): Result<T> => ({ ok: true, data })
export const err = (
  code: DomainErrorCode,
  extra: Omit<DomainError, 'code'> = {},
): { ok: false; error: DomainError } => ({
  ok: false,
  error: { code, ...extra },
})
