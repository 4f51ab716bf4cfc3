import { z } from 'zod'
import { storedText } from '../stored-text'
import { roles } from '../auth/roles'

/*
 * Plain zod, importable by forms. Messages are i18n keys under `Validation`; actions
 * translate them.
 */
export const PASSWORD_MIN = 8
export const PASSWORD_MAX = 128

/** A person's name, wherever it is written (forms, better-auth's endpoints: auth.ts). */
export const userName = storedText().trim().min(1, 'required').max(100, 'tooLong')
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

export const signInInput = z.object({
  email: storedText().trim().toLowerCase().min(1, 'required').max(254, 'tooLong'),
  password: z.string().min(1, 'required').max(PASSWORD_MAX, 'passwordTooLong'),
})
export type SignInInput = z.infer<typeof signInInput>

export const unlockSignInInput = z.object({ userId: storedText().min(1, 'required').max(100) })
export type UnlockSignInInput = z.infer<typeof unlockSignInInput>
