import { diffWords } from 'diff'
import { useTranslations } from '@/i18n/use-translations'
import { changedFields, type DocumentField } from '@/server/postmortems/diff-documents'
import type { PostmortemDocument } from '@/server/postmortems/schemas'

type Enums = ReturnType<typeof useTranslations<'Enums'>>

/** One field of a document as plain text lines, so that two versions can be diffed word by word. */
function fieldText(
  field: DocumentField,
  doc: PostmortemDocument,
  enums: Enums,
  names: Record<string, string>,
): string {
  const value = doc[field]
  switch (field) {
    case 'hypotheses':
      return doc.hypotheses
        .map((h, i) => `${i + 1}. [${enums(`hypothesis.${h.status}`)}] ${h.statement}\n${h.evidence}`)
        .join('\n\n')
    case 'timeline':
      return doc.timeline
        .map((e) => `[${enums(`timeline.${e.kind}`)}]${e.at ? ` ${e.at}` : ''} ${e.text}`)
        .join('\n\n')
    case 'openQuestions':
      return doc.openQuestions
        .map((q, i) => `${i + 1}. ${q.text}${q.answer ? `\n→ ${q.answer}` : ''}`)
        .join('\n\n')
    case 'lessons':
      return doc.lessons.map((l, i) => `${i + 1}. ${l.text}`).join('\n\n')
    case 'actionItems':
      return doc.actionItems
        .map(
          (a, i) =>
            `${i + 1}. ${a.title} [${enums(`action.${a.status}`)}]${a.dueDate ? ` ${a.dueDate}` : ''}`,
        )
        .join('\n')
    case 'metric':
      return doc.metric ? `${doc.metric.label} ${doc.metric.before} → ${doc.metric.after}` : ''
    case 'severity':
      return doc.severity ? enums(`severity.${doc.severity}`) : ''
    case 'rootCauseCategory':
      return doc.rootCauseCategory ? enums(`rootCause.${doc.rootCauseCategory}`) : ''
    case 'resolutionKind':
      return doc.resolutionKind ? enums(`resolution.${doc.resolutionKind}`) : ''
    case 'launchId':
      return doc.launchId ? (names[doc.launchId] ?? doc.launchId) : ''
    case 'factors':
      return doc.factors.map((id) => names[id] ?? id).join(', ')
    default:
      return Array.isArray(value) ? value.join(', ') : String(value ?? '')
  }
}

// Word boundaries for Chinese too: without a segmenter a whole sentence would be one "word".
const segmenter = new Intl.Segmenter(['zh-CN', 'en'], { granularity: 'word' })

/** Field-by-field differences between two versions: removed words struck through, added ones highlighted. */
export function RevisionDiff({
  from,
  to,
  names,
}: {
  from: PostmortemDocument
  to: PostmortemDocument
  /** What the documents name by id: launches and contributing factors. */
  names: Record<string, string>
}) {
  const t = useTranslations('HistoryPage')
  const fields = useTranslations('Fields')
  const enums = useTranslations('Enums')
  const changed = changedFields(from, to)
  if (!changed.length) return <p className="text-sm text-muted-foreground">{t('noChanges')}</p>
  return (
    <dl className="grid gap-4">
      {changed.map((field) => (
        <div key={field} className="grid gap-1 rounded-lg border border-border bg-card p-4">
          <dt className="text-sm font-semibold">{fields(field)}</dt>
          <dd className="text-sm leading-relaxed break-words whitespace-pre-wrap">
            {diffWords(fieldText(field, from, enums, names), fieldText(field, to, enums, names), {
              intlSegmenter: segmenter,
            }).map((part, i) =>
              part.added ? (
                <ins key={i} className="bg-success/15 text-success no-underline">
                  {part.value}
                </ins>
              ) : part.removed ? (
                <del key={i} className="bg-destructive/10 text-destructive">
                  {part.value}
                </del>
              ) : (
                <span key={i}>{part.value}</span>
              ),
            )}
          </dd>
        </div>
      ))}
    </dl>
  )
}
