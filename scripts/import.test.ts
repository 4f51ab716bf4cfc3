import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'

type Output = {
  launch: { name: string } | null
  postmortems: {
    title: string
    hypotheses: { statement: string; status: string; evidence: string }[]
    metric: object | null
    resolutionKind: string | null
  }[]
}

describe('npm run import -- <file> --dry-run --json', () => {
  it('prints the structure the seed would be imported as, without a database', () => {
    const stdout = execFileSync(
      'npx',
      [
        'tsx',
        '--conditions=react-server',
        'scripts/import.ts',
        'src/server/imports/fixtures/launch-retro-mobile-alliance-1.1.zh.md',
        '--dry-run',
        '--json',
      ],
      { encoding: 'utf8', env: { ...process.env, DATABASE_URL: 'postgresql://nobody@127.0.0.1:9/none' } },
    )
    const out = JSON.parse(stdout) as Output
    expect(out.launch).toEqual({ name: '移动联盟1.1版本上线总结回顾' })
    expect(out.postmortems.map((p) => p.title)).toHaveLength(4)
    expect(out.postmortems[0]!.hypotheses.map((h) => h.status)).toEqual([
      'ELIMINATED',
      'ELIMINATED',
      'ELIMINATED',
      'ELIMINATED',
      'CONFIRMED',
    ])
    expect(out.postmortems[0]!.metric).toEqual({ label: 'mq上报速度', before: '0.6/s', after: '80/s' })
    expect(out.postmortems[1]!.resolutionKind).toBe('TEMPORARY')
  })

  it('explains a file it cannot import and exits non-zero', () => {
    let status = 0
    let stderr = ''
    try {
      execFileSync(
        'npx',
        ['tsx', '--conditions=react-server', 'scripts/import.ts', 'package.json', '--dry-run'],
        { encoding: 'utf8', stdio: 'pipe' },
      )
    } catch (error) {
      status = (error as { status: number }).status
      stderr = String((error as { stderr: string }).stderr)
    }
    expect(status).toBe(1)
    expect(stderr).toContain('cannot import (NO_STRUCTURE)')
  })
})
