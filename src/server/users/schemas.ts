import { z } from 'zod'
import { storedText } from '../stored-text'
import { roles } from '../roles'
import { PASSWORD_MAX, PASSWORD_MIN, userName } from '../auth/schemas'

/*
 * Plain zod, importable by forms. Messages are i18n keys under `Validation`; actions
 * translate them. The password limits and the name rule are auth's (auth/schemas.ts).
 */
const email = storedText()
  .trim()
  .toLowerCase()
  .min(1, 'required')
  .max(254, 'tooLong')
  .pipe(z.email('invalidEmail'))
const password = z
  .string()
  .min(1, 'required')
  .min(PASSWORD_MIN, 'passwordTooShort')
  .max(PASSWORD_MAX, 'passwordTooLong')

export const createAccountInput = z.object({ name: userName, email, password })
export type CreateAccountInput = z.infer<typeof createAccountInput>

export const createUserInput = createAccountInput.extend({ role: z.enum(roles, 'invalidChoice') })
export type CreateUserInput = z.infer<typeof createUserInput>

export const setUserRoleInput = z.object({
  userId: storedText().min(1, 'required').max(100),
  role: z.enum(roles, 'invalidChoice'),
})
export type SetUserRoleInput = z.infer<typeof setUserRoleInput>

export const unlockSignInInput = z.object({ userId: storedText().min(1, 'required').max(100) })
export type UnlockSignInInput = z.infer<typeof unlockSignInInput>

/** Someone's own name, from Settings. */
export const changeOwnNameInput = z.object({ name: userName })
export type ChangeOwnNameInput = z.infer<typeof changeOwnNameInput>

/** Someone's own password, from Settings: the current one proves it is them. */
export const changeOwnPasswordInput = z.object({
  currentPassword: z.string().min(1, 'required').max(PASSWORD_MAX, 'passwordTooLong'),
  newPassword: password,
})
export type ChangeOwnPasswordInput = z.infer<typeof changeOwnPasswordInput>

/** An account without a password: the person chooses one through a one-time link. */
export const inviteUserInput = z.object({ name: userName, email, role: z.enum(roles, 'invalidChoice') })
export type InviteUserInput = z.infer<typeof inviteUserInput>

/** One member, for the admin's buttons (reset link, deactivate, reactivate, remove). */
export const memberInput = z.object({ userId: storedText().min(1, 'required').max(100) })
export type MemberInput = z.infer<typeof memberInput>

/** The token of a one-time link, as it appears in /reset-password/<token>. */
export const accountLinkToken = z
  .string()
  .min(20)
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/)

export const redeemAccountLinkInput = z.object({ token: accountLinkToken, password })
export type RedeemAccountLinkInput = z.infer<typeof redeemAccountLinkInput>
