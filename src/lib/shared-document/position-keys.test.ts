import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isPositionKey, keyBetween, keysBetween } from './position-keys'

describe('position keys: the order of list items in the shared document', () => {
  it('finds a key between any two keys, and after the last one', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 60 }), (choices) => {
        const keys: string[] = []
        for (const choice of choices) {
          const at = choice % (keys.length + 1)
          const key = keyBetween(keys[at - 1] ?? '', keys[at] ?? null)
          expect(isPositionKey(key)).toBe(true)
          keys.splice(at, 0, key)
        }
        expect([...keys].sort()).toEqual(keys)
        expect(new Set(keys).size).toBe(keys.length)
      }),
    )
  })

  it('spreads many keys in order and keeps them short', () => {
    const keys = keysBetween('', null, 500)
    expect(keys).toHaveLength(500)
    expect([...keys].sort()).toEqual(keys)
    expect(Math.max(...keys.map((k) => k.length))).toBeLessThanOrEqual(10)
    const inside = keysBetween(keys[10]!, keys[11]!, 20)
    expect(inside.every((k) => k > keys[10]! && k < keys[11]!)).toBe(true)
  })

  it('refuses keys in the wrong order and recognises keys it did not write', () => {
    expect(() => keyBetween('b', 'a')).toThrow()
    expect(isPositionKey('a0')).toBe(false)
    expect(isPositionKey('A')).toBe(false)
    expect(isPositionKey(3)).toBe(false)
  })
})
