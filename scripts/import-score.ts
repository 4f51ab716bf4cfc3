// npm run import:score [-- --documents] [--held-out] [--json]: the importer's field accuracy on the
// development corpus of real retros (src/server/imports/corpus), as JSON; --documents adds each
// document's scores; --held-out scores the held-out set instead (never used to tune the rules).
import path from 'node:path'
import { parseArgs } from 'node:util'
import { corpusDir, loadCorpus, scoreCorpus } from '../src/server/imports/corpus/corpus'

const { values } = parseArgs({
  options: { documents: { type: 'boolean' }, 'held-out': { type: 'boolean' }, json: { type: 'boolean' } },
})
const { documents, overall, fields } = scoreCorpus(
  values['held-out'] ? loadCorpus(path.join(corpusDir, 'held-out')) : loadCorpus(),
)
const round = (n: number) => Math.round(n * 1000) / 1000
console.log(
  JSON.stringify(
    {
      documents: documents.length,
      chinese: documents.filter((d) => d.language === 'zh').length,
      overall,
      fields,
      ...(values.documents
        ? {
            perDocument: documents.map((d) => ({
              name: d.name,
              overall: d.overall,
              low: d.scores
                .filter((s) => s.score < 1)
                .map((s) => `${s.field}#${s.incident}:${round(s.score)}`),
            })),
          }
        : {}),
    },
    null,
    2,
  ),
)
