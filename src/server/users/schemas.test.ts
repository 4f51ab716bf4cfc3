import { describe, expect, it } from 'vitest'
import { createAccountInput, createUserInput } from './schemas'

const messages = (input: unknown) => {
  const parsed = createAccountInput.safeParse(input)
  // Forms show the first problem of each field.
  return parsed.success
    ? {}
    : Object.fromEntries(parsed.error.issues.reverse().map((i) => [i.path[0], i.message]))
}

describe('createAccountInput', () => {
  it('normalises the email and keeps the rest', () => {
    expect(
      createAccountInput.parse({ name: ' 王小明 ', email: ' Wang@Example.COM ', password: '12345678' }),
    ).toEqual({
      name: '王小明',
      email: 'wang@example.com',
      password: '12345678',
    })
  })

  it('names what is wrong with each field as an i18n key', () => {
    expect(messages({ name: '', email: '', password: '' })).toEqual({
      name: 'required',
      email: 'required',
      password: 'required',
    })
    expect(messages({ name: 'x'.repeat(101), email: 'nope', password: 'short' })).toEqual({
      name: 'tooLong',
      email: 'invalidEmail',
      password: 'passwordTooShort',
    })
    expect(messages({ name: 'a', email: `${'a'.repeat(250)}@x.io`, password: 'p'.repeat(129) })).toEqual({
      email: 'tooLong',
      password: 'passwordTooLong',
    })
  })

  it('accepts only the three roles', () => {
    const base = { name: 'a', email: 'a@b.co', password: '12345678' }
    expect(createUserInput.safeParse({ ...base, role: 'EDITOR' }).success).toBe(true)
    expect(createUserInput.safeParse({ ...base, role: 'ROOT' }).success).toBe(false)
  })
})
