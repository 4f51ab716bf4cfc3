import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { actionArgs, boolArg, formArg, idArg } from './action-args'

describe('actionArgs: what a client may send in place of the arguments a page binds', () => {
  it('passes arguments that fit, unchanged', () => {
    expect(actionArgs([idArg, boolArg], ['launch-1', true])).toEqual(['launch-1', true])
    const form = new FormData()
    expect(actionArgs([formArg], [form])).toEqual([form])
  })

  it('refuses missing, mistyped, empty and oversized ones', () => {
    for (const values of [
      [],
      [undefined],
      [{ id: 1 }],
      [42],
      [''],
      ['\u0000'],
      ['a\u0000b'],
      ['x'.repeat(201)],
    ])
      expect(actionArgs([idArg], values), JSON.stringify(values).slice(0, 40)).toBeNull()
    expect(actionArgs([idArg, boolArg], ['x', 'true'])).toBeNull()
    expect(actionArgs([formArg], ['title=x'])).toBeNull()
    expect(actionArgs([z.number().int().positive()], [1.5])).toBeNull()
  })
})
