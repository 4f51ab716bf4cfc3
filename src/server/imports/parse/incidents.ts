import type { Section } from './markdown'
import { toString } from 'mdast-util-to-string'
import { findDate, opensWithDate, startsWithDate } from './timestamps'
import { alternation, cuePattern, kept, type Field } from './vocabulary'

/*
 * Which sections are separate incidents. A document walks through several when sibling
 * sections repeat the structure of a postmortem (each with its own symptom, cause or fix under
 * a heading of its own: "### 老用户福利初始化脚本执行过慢" with "#### 问题现象" below), or when
 * siblings are numbered incidents ("## 问题一：…", "## Incident 2: …"). Known sections beside
 * them ("Lessons learned", "Action items" after the incidents) are shared by all.
 */

/** Parts that only an incident has: a retro whose own top level has them is one incident. */
const INCIDENT_FIELDS: Field[] = [
  'symptom',
  'rootCause',
  'resolution',
  'investigation',
  'hypotheses',
  'detection',
  'firstLook',
]

const fields = (section: Section): Set<Field> => {
  const out = new Set<Field>()
  for (const child of section.children) {
    if (child.match) out.add(child.match.field)
    if (!child.match) for (const f of fields(child)) out.add(f)
  }
  return out
}

const numbered = kept(
  () =>
    new RegExp(
      `^\\s*(?:(?:${alternation('incidentHeading')})\\s*(?:#\\s*)?(?:[0-9０-９]+|[一二三四五六七八九十]+)|第\\s*[0-9一二三四五六七八九十]+\\s*(?:个)?(?:${alternation('incidentHeading')}))(?=$|[\\s:：.、,，)）\\-–—])`,
      'iu',
    ),
)
const INCIDENT_HEADING = kept(() => new RegExp(`^\\s*(?:${alternation('incidentHeading')})(?![a-z])`, 'iu'))

const severityTagged = kept(
  () => new RegExp(`[(（\\[【]\\s*(?:${alternation('severityTag')})\\s*[)）\\]】]\\s*$`, 'iu'),
)

/** A section that reads as an incident of its own: it is not a known part, and its parts are. */
const isIncident = (section: Section) =>
  section.depth > 0 && !section.match?.sure && [...fields(section)].some((f) => INCIDENT_FIELDS.includes(f))

const firstParagraph = (section: Section) => {
  const first = section.content.find((n) => n.type === 'paragraph')
  return first ? toString(first) : ''
}

export type Incidents = { incidents: Section[]; shared: Section[] }

export function findIncidents(tree: Section): Incidents {
  const search = (section: Section): Incidents | null => {
    const kids = section.children
    const candidates = kids.filter(isIncident)
    const filled = (k: Section) => k.content.length > 0 || k.children.length > 0
    const counted = kids.filter((k) => numbered().test(k.heading) && filled(k))
    // "## 2024-02-07 网站无法访问", "## 2024-03-01 …": a log of dated incidents, when nothing
    // beside them says they are days of one incident (no known part, no "Update" headings).
    const dated = kids.filter(
      (k) => filled(k) && startsWithDate(k.heading) && !cuePattern('statusUpdate').test(k.heading),
    )
    const plainLog = dated.length >= 2 && !kids.some((k) => k.match?.sure)
    // "### API outage (Major)⏎On 15 April 2026, our database …": a post that walks through several
    // incidents, each a plain heading over a short story that opens with its own day.
    const told = kids.filter((k) => !k.match && !k.children.length && opensWithDate(firstParagraph(k)))
    const stories = told.length >= 3 && told.length === kids.filter((k) => !k.match).length
    // "### API outages (Major)", "### WEUR mitigation profiles (Minor)": headings that carry a severity each.
    const rated = kids.filter((k) => !k.match && filled(k) && severityTagged().test(k.heading))
    const group =
      candidates.length >= 2
        ? candidates
        : counted.length >= 2
          ? counted
          : plainLog
            ? dated
            : stories
              ? told
              : rated.length >= 2
                ? rated
                : null
    if (group) {
      // A known incident part beside them ("## Root cause") means they are parts of one incident.
      const siblingsSay = kids.some(
        (k) => !group.includes(k) && k.match && INCIDENT_FIELDS.includes(k.match.field),
      )
      if (!siblingsSay)
        return {
          incidents: group,
          shared: kids.filter((k) => !group.includes(k) && k.match && k.depth === group[0]!.depth),
        }
    }
    for (const kid of kids) {
      if (kid.match?.sure) continue
      const below = search(kid)
      if (below) return below
    }
    return null
  }
  return loggedIncidents(tree) ?? search(tree) ?? { incidents: [], shared: [] }
}

/**
 * "## August 2020⏎### Incident on 2020-08-04 17:13 UTC", "## February 2020⏎### Incident on
 * 2020-02-25…": an incident log grouped by month, where the incidents are cousins rather than
 * siblings. Headings at one depth, anywhere in the document, that name an incident and its day.
 */
function loggedIncidents(tree: Section): Incidents | null {
  const all: Section[] = []
  const walk = (section: Section) => {
    for (const kid of section.children) {
      all.push(kid)
      if (!kid.match?.sure) walk(kid)
    }
  }
  walk(tree)
  const named = INCIDENT_HEADING()
  const logged = all.filter((k) => !k.match?.sure && named.test(k.heading) && findDate(k.heading, 0) !== null)
  const depth = logged[0]?.depth
  if (logged.length < 2 || logged.some((k) => k.depth !== depth)) return null
  return { incidents: logged, shared: [] }
}
