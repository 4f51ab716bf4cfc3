import { z } from 'zod'
import { storedText } from '../stored-text'
import { PASSWORD_MAX } from './password-limits'

/*
 * What signing in and better-auth's writes check (auth.ts, sign-in.ts); users/schemas.ts builds
 * the account forms on them. Plain zod, importable by forms. Messages are i18n keys under
 * `Validation`; actions translate them.
 */
export { PASSWORD_MAX, PASSWORD_MIN } from './password-limits'

/** A person's name, wherever it is written (forms, better-auth's endpoints: auth.ts). */
export const userName = storedText().trim().min(1, 'required').max(100, 'tooLong')

export const signInInput = z.object({
  email: storedText().trim().toLowerCase().min(1, 'required').max(254, 'tooLong'),
  password: z.string().min(1, 'required').max(PASSWORD_MAX, 'passwordTooLong'),
})
export type SignInInput = z.infer<typeof signInInput>

/** A new API token's name. */
export const apiTokenInput = z.object({ name: storedText().trim().min(1, 'required').max(80, 'tooLong') })
export type ApiTokenInput = z.infer<typeof apiTokenInput>
