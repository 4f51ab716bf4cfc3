import { describe, expect, it } from 'vitest'
import { safeNext } from './safe-next'

describe('safeNext', () => {
  it('keeps paths on this site, with their query and fragment', () => {
    expect(safeNext('/postmortems/12')).toBe('/postmortems/12')
    expect(safeNext('/search?q=%E7%BC%93%E5%AD%98&in=rootCause#r')).toBe(
      '/search?q=%E7%BC%93%E5%AD%98&in=rootCause#r',
    )
    expect(safeNext('/launches/yi-dong-lian-meng-1-2')).toBe('/launches/yi-dong-lian-meng-1-2')
    expect(safeNext('/a/../settings')).toBe('/settings')
    expect(safeNext('/%2F%2Fevil.example')).toBe('/%2F%2Fevil.example')
  })

  it.each([
    ['a tab the browser drops', '/\t/evil.example'],
    ['a tab after the first slash', '/\t\t//evil.example'],
    ['a newline (a 500 in the Location header)', '/\n/evil.example'],
    ['a carriage return', '/\r\nSet-Cookie: x=1'],
    ['a NUL', '/\u0000/evil.example'],
    ['a C1 control', '/\u0085/evil.example'],
    ['protocol-relative', '//evil.example'],
    ['a backslash', '/\\evil.example'],
    ['backslashes only', '\\\\evil.example'],
    ['a dot segment that resolves to //', '/.//evil.example'],
    ['a parent segment that resolves to //', '/x/..//evil.example'],
    ['an absolute URL', 'https://evil.example/'],
    ['a scheme', 'javascript:alert(1)'],
    ['a relative path', 'evil.example'],
    ['empty', ''],
    ['too long', `/${'a'.repeat(3000)}`],
  ])('refuses %s', (_label, value) => {
    expect(safeNext(value)).toBe('/postmortems')
  })

  it('refuses what is not a string', () => {
    expect(safeNext(null)).toBe('/postmortems')
    expect(safeNext(undefined)).toBe('/postmortems')
    expect(safeNext(new Blob(['/x']))).toBe('/postmortems')
  })

  it('never answers something a browser would resolve to another origin', () => {
    const hostile = ['/\t/evil.example', '/.//evil.example', '/\\evil.example', '/%09/evil.example']
    for (const value of hostile)
      expect(new URL(safeNext(value), 'https://hindsight.example').origin).toBe('https://hindsight.example')
  })
})
