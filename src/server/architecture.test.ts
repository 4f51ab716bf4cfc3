import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

/*
 * How the code may depend on itself (issue 17). The folders of src/server depend on each other
 * one way only: two that import each other can be neither read nor changed alone. Components
 * take from src/server only what a form or a page shares with the server: schemas, status flows
 * (*-status.ts) and types.
 */

const src = path.resolve(import.meta.dirname, '..')
const server = path.join(src, 'server')

/** The .ts and .tsx files under a folder, tests left out. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
    .map((f) => path.join(dir, f))
}

/** `dynamic`: an `import()`, which the bundler splits into a chunk loaded when it runs. */
type Import = { specifier: string; typeOnly: boolean; dynamic?: boolean }

function isTypeOnly(node: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
  if (ts.isExportDeclaration(node))
    return (
      node.isTypeOnly ||
      (!!node.exportClause &&
        ts.isNamedExports(node.exportClause) &&
        node.exportClause.elements.every((e) => e.isTypeOnly))
    )
  const clause = node.importClause
  if (!clause) return false
  if (clause.phaseModifier === ts.SyntaxKind.TypeKeyword) return true
  const named = clause.namedBindings
  return (
    !clause.name &&
    !!named &&
    ts.isNamedImports(named) &&
    named.elements.length > 0 &&
    named.elements.every((e) => e.isTypeOnly)
  )
}

/** What a file imports or re-exports: `import`, `import type`, `export … from`, `import()` (in code or types). */
function importsOf(file: string): Import[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest)
  const found: Import[] = []
  const visit = (node: ts.Node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    )
      found.push({ specifier: node.moduleSpecifier.text, typeOnly: isTypeOnly(node) })
    else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    )
      found.push({ specifier: node.arguments[0].text, typeOnly: false, dynamic: true })
    else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    )
      found.push({ specifier: node.argument.literal.text, typeOnly: true })
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

/** Where an import of the project (`@/…` or relative) points, without its extension; null for a package. */
function importTarget(file: string, specifier: string): string | null {
  if (specifier.startsWith('@/')) return path.join(src, specifier.slice(2))
  return specifier.startsWith('.') ? path.resolve(path.dirname(file), specifier) : null
}

/** The path under src/server an import points at ('auth/sign-in'), or null when it points elsewhere. */
function serverPath(file: string, specifier: string): string | null {
  const target = importTarget(file, specifier)
  if (!target) return null
  const relative = path.relative(server, target)
  return relative.startsWith('..') || path.isAbsolute(relative) ? null : relative.split(path.sep).join('/')
}

/**
 * Folder → the folders it imports → the files and imports that do. Files directly in src/server
 * (db.ts, env.ts, result.ts, roles.ts…) are leaves everyone may import, not folders.
 */
function folderGraph(): Map<string, Map<string, string[]>> {
  const graph = new Map<string, Map<string, string[]>>()
  for (const file of sourceFiles(server)) {
    const [from, ...rest] = path.relative(server, file).split(path.sep)
    if (!rest.length || !from) continue
    for (const { specifier } of importsOf(file)) {
      const [to, ...inside] = serverPath(file, specifier)?.split('/') ?? []
      if (!to || !inside.length || to === from) continue
      const edges = graph.get(from) ?? graph.set(from, new Map()).get(from)!
      edges.set(to, [...(edges.get(to) ?? []), `${path.relative(server, file)} → ${specifier}`])
    }
  }
  return graph
}

/**
 * Modules components import values from today although they are neither schemas, status flows
 * nor leaf modules (which import only types and other leaves, so bring nothing of the server to
 * the browser). The list may only shrink: move what the UI needs into the folder's schemas.ts or
 * a leaf module, or make the import type-only, then remove the entry.
 */
const knownComponentImports = ['@/server/postmortems/diff-documents']

const root = path.dirname(src)

/** The project file an import points at (`@/…` or relative), or null for a package. */
function projectFile(file: string, specifier: string): string | null {
  const base = importTarget(file, specifier)
  if (!base) return null
  const candidates = ['.ts', '.tsx', '/index.ts', '/index.tsx'].map((ext) => base + ext)
  return [base, ...candidates].find((f) => /\.tsx?$/.test(f) && existsSync(f)) ?? null
}

/** What a module's first statement says it is: 'use client', 'use server' or neither. */
const directiveOf = (file: string) =>
  /^\s*['"](use client|use server)['"]/.exec(readFileSync(file, 'utf8'))?.[1]

/**
 * The way from `file` to zod through the modules it loads with it (static value imports, not
 * `import()`, not server actions, which the browser calls by reference), or null.
 */
function wayToZod(file: string, seen = new Set<string>()): string[] | null {
  if (seen.has(file)) return null
  seen.add(file)
  for (const { specifier, typeOnly, dynamic } of importsOf(file)) {
    if (typeOnly || dynamic) continue
    if (specifier === 'zod' || specifier.startsWith('zod/')) return [path.relative(root, file), 'zod']
    const next = projectFile(file, specifier)
    if (!next || directiveOf(next) === 'use server') continue
    const way = wayToZod(next, seen)
    if (way) return [path.relative(root, file), ...way]
  }
  return null
}

describe('architecture', () => {
  it('has no two folders of src/server that import each other', () => {
    const graph = folderGraph()
    expect(graph.size).toBeGreaterThan(0)
    const ties: string[] = []
    for (const [a, edges] of graph)
      for (const [b, aToB] of edges) {
        const bToA = graph.get(b)?.get(a)
        if (bToA && a < b) ties.push(`${a} ↔ ${b}: ${[...aToB, ...bToA].join(', ')}`)
      }
    expect(ties).toEqual([])
  })

  /**
   * A module of src/server that imports nothing but types and other such modules (plain values: a
   * label, a list of severities, the fields a comment may be anchored to).
   */
  const isLeaf = (target: string, within = new Set<string>()): boolean => {
    const file = path.join(server, `${target}.ts`)
    if (within.has(target) || !existsSync(file)) return false
    // `within`: the modules on the way here, so that a cycle is not a leaf.
    within.add(target)
    const leaf = importsOf(file).every((i) => {
      if (i.typeOnly) return true
      const imported = serverPath(file, i.specifier)
      return imported !== null && isLeaf(imported, within)
    })
    within.delete(target)
    return leaf
  }

  it('has components import from src/server only schemas, status flows, leaf modules and types', () => {
    const offending = new Set<string>()
    const unexpected: string[] = []
    for (const file of sourceFiles(path.join(src, 'components')))
      for (const { specifier, typeOnly } of importsOf(file)) {
        const target = serverPath(file, specifier)
        if (!target || typeOnly) continue
        const name = path.posix.basename(target)
        if (name === 'schemas' || name.endsWith('-status') || isLeaf(target)) continue
        const imported = `@/server/${target}`
        offending.add(imported)
        if (!knownComponentImports.includes(imported))
          unexpected.push(`${path.relative(src, file)} → ${specifier}`)
      }
    expect(unexpected).toEqual([])
    // An entry no component needs any more comes off the list.
    expect(knownComponentImports.filter((m) => !offending.has(m))).toEqual([])
  })

  /*
   * zod is about 107 KB of the browser's JavaScript, and nothing it does there is needed before
   * a page is up: the server checks every form and save (decision 060). A value a component needs
   * from a schema module belongs in a module of plain values beside it.
   */
  it('keeps zod out of the JavaScript a page loads with it', () => {
    const clientModules = [...sourceFiles(src), ...sourceFiles(path.join(root, 'app'))].filter(
      (f) => directiveOf(f) === 'use client',
    )
    expect(clientModules.length).toBeGreaterThan(50)
    const ways = clientModules.flatMap((f) => wayToZod(f)?.join(' → ') ?? [])
    expect(ways).toEqual([])
  })
})
