import { describe, expect, it } from 'vitest'
import { sentences, sentencesAndCodeLines } from './text'

describe('sentences', () => {
  it('reads prose hard-wrapped at a fixed width as whole sentences', () => {
    expect(
      sentences(
        'On January 31st we experienced a major outage for one of our\nproducts, the online service. The database\nwas removed by accident.',
      ),
    ).toEqual([
      'On January 31st we experienced a major outage for one of our products, the online service.',
      'The database was removed by accident.',
    ])
  })

  it('keeps list items, quotes and Chinese lines apart', () => {
    expect(sentences('Steps taken\n- restart the pool\n> quoted log\n关闭web服务\n启动数据库')).toEqual([
      'Steps taken',
      '- restart the pool',
      '> quoted log',
      '关闭web服务',
      '启动数据库',
    ])
  })
})

describe('sentencesAndCodeLines', () => {
  const saysFailed = (line: string) => /fail|error/i.test(line)

  it('stands a fenced log in for its line that says what failed, as inline code', () => {
    expect(
      sentencesAndCodeLines(
        'The failure message is:\n\n```console\nErr:2 https://pkg.example/debian 2.349\nE: Failed to fetch jenkins.deb\n```\n\nA workaround is available.',
        saysFailed,
      ),
    ).toEqual(['The failure message is:', '`E: Failed to fetch jenkins.deb`', 'A workaround is available.'])
  })

  it('reads a fence whose info is words, quoted, and leaves out a block that says nothing', () => {
    expect(
      sentencesAndCodeLines(
        "Content:\n> ````Error: Unknown storage provider 's3'\n>    at createAppError (error.js:31:12)```\n\n```sql\nselect 1;\n```\nDone.",
        saysFailed,
      ),
    ).toEqual(['Content:', "`Error: Unknown storage provider 's3'`", 'Done.'])
  })

  it('reads fences as real retros write them: ~~~, four marks closed by three, or never closed', () => {
    expect(sentencesAndCodeLines('Log:\n~~~\nE: disk failed\n~~~\nThen.', saysFailed)).toEqual([
      'Log:',
      '`E: disk failed`',
      'Then.',
    ])
    expect(sentencesAndCodeLines('Log:\n````\nE: disk failed\n```\nThen.', saysFailed)).toEqual([
      'Log:',
      '`E: disk failed`',
      'Then.',
    ])
    expect(sentencesAndCodeLines('The log:\n```\nok\nE: fetch failed\nmore log', saysFailed)).toEqual([
      'The log:',
      '`E: fetch failed`',
    ])
  })
})
