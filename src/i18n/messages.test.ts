import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser'
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

/** ICU argument names ({name}, {count, plural, …}) used by a message, from its parsed form. */
function argumentsOf(message: string): string[] {
  const names = new Set<string>()
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if ('value' in element && element.type !== TYPE.literal) names.add(String(element.value))
      if ('options' in element)
        for (const option of Object.values(element.options) as { value: MessageFormatElement[] }[])
          walk(option.value)
      if (element.type === TYPE.tag) walk(element.children)
    }
  }
  walk(parse(message))
  return [...names].sort()
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
