import { loadCorpus } from '../src/server/imports/corpus/corpus'
import { normalize } from '../src/server/imports/corpus/score'
import { parseRetro } from '../src/server/imports/parse-retro'
const field = (process.argv[2] ?? 'rootCause') as 'rootCause' | 'symptom' | 'resolution'
const dir = process.argv[3]
for (const doc of loadCorpus(dir)) {
  const retro = parseRetro(doc.source)
  doc.expected.postmortems.forEach((e, i) => {
    const pm = retro.postmortems[i]
    if (!pm) return
    const missed = e[field].filter((p) => !normalize(pm[field]).includes(normalize(p)))
    if (missed.length) {
      console.log(`\n### ${doc.name} #${i} missed: ${JSON.stringify(missed)}`)
      console.log(`found: ${pm[field].slice(0, 400).replace(/\n+/g, ' ⏎ ')}`)
    }
  })
}
