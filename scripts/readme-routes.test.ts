import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '..')

/** app/api/v1/postmortems/[number]/route.ts → /api/v1/postmortems/* */
function routePaths(): string[] {
  return readdirSync(path.join(root, 'app/api'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name === 'route.ts')
    .map((e) =>
      `/${path.relative(path.join(root, 'app'), e.parentPath)}`
        .split(path.sep)
        .join('/')
        .replace(/\[\.\.\.[^\]]+\]/g, '**')
        .replace(/\[[^\]]+\]/g, '*'),
    )
}

/** The paths the README's API table names, parameters as `*` (`:number` → `*`, `/api/auth/*` stays). */
function readmePaths(): Set<string> {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8')
  const paths = new Set<string>()
  for (const [, p] of readme.matchAll(/^\| `(?:[A-Z]+ )?(\/api\/[^`?\s]*)/gm)) {
    const route = p!.replace(/:[A-Za-z]+/g, '*')
    paths.add(route.endsWith('/*') && route.startsWith('/api/auth') ? route.replace(/\*$/, '**') : route)
  }
  return paths
}

describe("the README's API table", () => {
  it('names every route handler under app/api', () => {
    const listed = readmePaths()
    const routes = routePaths()
    expect(routes.length).toBeGreaterThan(5)
    expect(routes.filter((r) => !listed.has(r) && !listed.has(r.replace(/\/markdown$/, '')))).toEqual([])
  })
})
