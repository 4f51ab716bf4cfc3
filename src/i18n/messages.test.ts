import { describe, expect, it } from 'vitest'
import en from './messages/en.json'
import zh from './messages/zh-CN.json'

type Tree = { [key: string]: string | Tree }

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(name, value)
    else for (const [k, v] of flatten(value, name)) out.set(k, v)
  }
  return out
}

/**
 * ICU argument names ({name}, {count, plural, …}) used by a message; the text of a plural or
 * select branch (`other {waived}`, `=0 {none}`) is not an argument.
 */
function argumentsOf(message: string): string[] {
  return [
    ...new Set([...message.matchAll(/(?<![\w=]\s*)\{\s*([A-Za-z_]\w*)\s*[,}]/g)].map((m) => m[1]!)),
  ].sort()
}

describe('message catalogs', () => {
  const english = flatten(en)
  const chinese = flatten(zh)

  it('have the same keys in en and zh-CN', () => {
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort())
  })

  it('have no empty message', () => {
    for (const [key, value] of [...english, ...chinese]) expect(value.trim(), key).not.toBe('')
  })

  it('use the same arguments in both languages', () => {
    for (const [key, value] of english)
      expect(argumentsOf(chinese.get(key) ?? ''), key).toEqual(argumentsOf(value))
  })
})
