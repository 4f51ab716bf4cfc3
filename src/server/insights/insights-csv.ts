import { stringify } from 'csv-stringify/sync'
import type { Distribution } from './durations'
import type { Insights } from './get-insights'

/** A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR) is quoted with a leading '. */
const inert = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value)

type Row = [figure: string, group: string, series: string, value: number | string | null]

function distributionRows(figure: string, d: Distribution): Row[] {
  return [
    [figure, 'measured', '', d.measured],
    [figure, 'missing', '', d.missing],
    [figure, 'inconsistent', '', d.inconsistent],
    [figure, 'median_seconds', '', d.median],
    [figure, 'p90_seconds', '', d.p90],
    [figure, 'min_seconds', '', d.min],
    [figure, 'max_seconds', '', d.max],
    ...d.buckets.map((count, i): Row => [figure, 'bucket', String(i), count]),
  ]
}

/**
 * The figures as long CSV, one number per line (`figure,group,series,value`): easy to pivot in
 * a spreadsheet, and stable when a new figure is added. Durations in seconds.
 */
export function insightsToCsv(insights: Insights): string {
  const { incidents, actionItems, loop } = insights
  const rows: Row[] = [
    ['incidents', 'total', '', incidents.total],
    ...incidents.byMonth.flatMap((m) =>
      Object.entries(m.bySeverity).map(([severity, count]): Row => [
        'incidentsByMonth',
        m.month,
        severity,
        count,
      ]),
    ),
    ...incidents.byService.map((s): Row => ['incidentsByService', s.name, '', s.count]),
    ['incidentsByService', '', 'none', incidents.withoutService],
    ...incidents.byCategory.map((c): Row => ['incidentsByCategory', c.category ?? '', '', c.count]),
    ...incidents.byFactor.map((f): Row => ['incidentsByFactor', f.name, '', f.count]),
    ['incidentsByFactor', '', 'none', incidents.withoutFactor],
    ...distributionRows('timeToDetect', insights.timeToDetect),
    ...distributionRows('timeToResolve', insights.timeToResolve),
    ...(
      [
        'total',
        'open',
        'overdue',
        'openWithoutDueDate',
        'done',
        'doneOnTime',
        'doneLate',
        'doneWithoutDueDate',
        'doneWhenUnknown',
        'doneWithEvidence',
        'cancelled',
      ] as const
    ).map((key): Row => ['actionItems', key, '', actionItems[key]]),
    ['actionItems', 'medianOpenAge_seconds', '', actionItems.medianOpenAge],
    ...actionItems.byOwner.flatMap((o) =>
      (['open', 'overdue', 'done', 'doneOnTime', 'doneLate'] as const).map((key): Row => [
        `actionItemsByOwner_${key}`,
        o.owner ?? '',
        o.ownerId ?? '',
        o[key],
      ]),
    ),
    ...actionItems.byService.flatMap((s) =>
      (['open', 'overdue', 'done', 'doneOnTime', 'doneLate'] as const).map((key): Row => [
        `actionItemsByService_${key}`,
        s.service,
        '',
        s[key],
      ]),
    ),
    ...loop.checklistItems.flatMap((i) =>
      (
        [
          ['Launches', i.launchCount],
          ['Passed', i.passed],
          ['Failed', i.failed],
          ['Waived', i.waived],
          ['NotApplicable', i.notApplicable],
          ['IncidentsAfterWaiver', i.incidentsAfterWaiver.length],
          ['DismissedProposals', i.dismissed],
        ] as const
      ).map(([key, value]): Row => [`checklistItem${key}`, i.text, i.id, value]),
    ),
    ['lessons', 'total', '', loop.lessons.total],
    ['lessons', 'withoutChecklistItem', '', loop.lessons.withoutItem],
    ...(['total', 'after', 'before', 'without', 'pending'] as const).map((key): Row => [
      'repeats',
      key,
      '',
      loop.repeats[key],
    ]),
    // One line per repeat listed: the earlier incidents it repeats, by number.
    ...loop.repeats.incidents.map((i): Row => ['repeats', 'incident', `PM-${i.number}`, i.earlier.length]),
  ]
  return stringify(
    rows.map((row) => row.map((cell) => (typeof cell === 'string' ? inert(cell) : (cell ?? '')))),
    { header: true, columns: ['figure', 'group', 'series', 'value'] },
  )
}
