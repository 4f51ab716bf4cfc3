import type { Root } from 'mdast'
import { parse as parseToml } from 'smol-toml'
import { parse as parseYaml } from 'yaml'

/*
 * YAML (---) or TOML (+++) front matter, as blogs and wikis write it: title, date, severity,
 * tags or categories, services, launch. Anything malformed is ignored, never fatal.
 */

export type FrontMatter = Record<string, unknown>

export function readFrontMatter(root: Root): FrontMatter {
  const first = root.children[0] as { type: string; value?: string } | undefined
  if (!first?.value) return {}
  try {
    const value = (
      first.type === 'yaml' ? parseYaml(first.value) : first.type === 'toml' ? parseToml(first.value) : null
    ) as unknown
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as FrontMatter) : {}
  } catch {
    return {}
  }
}

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '')
const list = (v: unknown): string[] =>
  Array.isArray(v)
    ? v.map(str).filter(Boolean)
    : typeof v === 'string'
      ? v
          .split(/[,，、]/)
          .map((s) => s.trim())
          .filter(Boolean)
      : []

const SEVERITIES = {
  SEV1: ['sev1', 'sev-1', 'sev 1', 'p0', 'p1', 'critical', 's1'],
  SEV2: ['sev2', 'sev-2', 'sev 2', 'p2', 'high', 'major', 's2'],
  SEV3: ['sev3', 'sev-3', 'sev 3', 'p3', 'medium', 'minor', 's3'],
  SEV4: ['sev4', 'sev-4', 'sev 4', 'p4', 'low', 's4'],
} as const

const SEVERITY_NAMES = Object.entries(SEVERITIES).flatMap(([severity, names]) =>
  names.map((name) => ({
    severity: severity as Facts['severity'],
    pattern: new RegExp(`(?<![a-z0-9])${name.replace(/[-\s]/g, '[-\\s]?')}(?![a-z0-9])`),
  })),
)
/** "SEV2", "P2 (Service Degraded)", "High – payments failing": the first level named, as a whole word. */
function severityOf(text: string): Facts['severity'] {
  const value = text.toLowerCase()
  let best: { severity: Facts['severity']; at: number } = { severity: null, at: Infinity }
  for (const { severity, pattern } of SEVERITY_NAMES) {
    const at = value.search(pattern)
    if (at >= 0 && at < best.at) best = { severity, at }
  }
  return best.severity
}

export type Facts = {
  title: string
  launch: string
  severity: 'SEV1' | 'SEV2' | 'SEV3' | 'SEV4' | null
  occurredAt: string | null
  tags: string[]
  services: string[]
  factors: string[]
}

/** What the front matter says about the postmortem. */
export function facts(front: FrontMatter): Facts {
  const severity = severityOf(str(front.severity ?? front.sev ?? front.priority))
  const date = front.date ?? front.incident_date ?? front.occurred ?? front.started
  const at =
    date instanceof Date ? date : typeof date === 'string' || typeof date === 'number' ? new Date(date) : null
  return {
    title: str(front.title),
    launch: str(front.launch),
    severity,
    // TOML dates print themselves as written ("2023-10-12"): the instant, in UTC, is what is kept.
    occurredAt: at && !Number.isNaN(at.getTime()) ? new Date(at.getTime()).toISOString() : null,
    tags: [...list(front.tags), ...list(front.categories), ...list(front.keywords)].slice(0, 20),
    services: [...list(front.services), ...list(front.service), ...list(front.components)].slice(0, 20),
    factors: [
      ...list(front.factors),
      ...list(front.contributing_factors),
      ...list(front.contributingFactors),
    ].slice(0, 20),
  }
}
