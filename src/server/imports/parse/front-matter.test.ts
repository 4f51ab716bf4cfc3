import { describe, expect, it } from 'vitest'
import { facts, readFrontMatter } from './front-matter'
import { parseMarkdown } from './markdown'

const front = (source: string) => readFrontMatter(parseMarkdown(source))
const factsOf = (source: string) => facts(front(source))

describe('YAML front matter', () => {
  it('gives title, date, severity, tags, services and contributing factors', () => {
    const source = [
      '---',
      'title: "Checkout returned 502s after a config push"',
      'date: 2024-03-02T14:05:00Z',
      'severity: P1',
      'tags: [payments, database]',
      'services:',
      '  - checkout',
      '  - billing',
      'contributing_factors: [Configuration, 监控缺失]',
      '---',
      '',
      'Checkout failed for 20 minutes.',
    ].join('\n')
    expect(factsOf(source)).toEqual({
      title: 'Checkout returned 502s after a config push',
      launch: '',
      severity: 'SEV1',
      occurredAt: '2024-03-02T14:05:00.000Z',
      tags: ['payments', 'database'],
      services: ['checkout', 'billing'],
      factors: ['Configuration', '监控缺失'],
    })
  })

  it('reads a comma-separated tag string (Chinese commas too), categories, keywords, a launch and other date keys', () => {
    const source =
      '---\ntitle: 签到列表未更新\nlaunch: 移动联盟 1.1\nincident_date: 2023-10-12\ntags: 缓存，签到、redis\ncategories: [复盘]\nkeywords: cache\ncomponents: api\n---\n'
    expect(factsOf(source)).toEqual({
      title: '签到列表未更新',
      launch: '移动联盟 1.1',
      severity: null,
      occurredAt: '2023-10-12T00:00:00.000Z',
      tags: ['缓存', '签到', 'redis', '复盘', 'cache'],
      services: ['api'],
      factors: [],
    })
  })
})

describe('front matter a formatter spread out', () => {
  it('reads it when blank lines sit inside the fences, even after a source comment', () => {
    const source =
      '<!-- source: x -->\n\n---\n\ntitle: Istio 升级后踩的坑\ndate: 2023/02/20 08:08:08\n\n---\n\n# 背景\n\n正文。\n'
    expect(factsOf(source).title).toBe('Istio 升级后踩的坑')
  })

  it('keeps the plain keys when re-indented lines no longer parse', () => {
    const source = '---\n\ntitle: Upgrade trouble\ncategories:\n\n- Istio\n  tags:\n- K8s\n\n---\n\nBody.\n'
    expect(factsOf(source).title).toBe('Upgrade trouble')
  })
})

describe('TOML front matter (+++)', () => {
  it('gives title, date, severity, categories and services', () => {
    const source = [
      '+++',
      'title = "支付服务故障复盘"',
      'date = 2023-10-12T14:05:00+08:00',
      'severity = "sev2"',
      'categories = ["故障复盘", "数据库"]',
      'service = "支付"',
      '+++',
      '',
      '正文',
    ].join('\n')
    expect(factsOf(source)).toEqual({
      title: '支付服务故障复盘',
      launch: '',
      severity: 'SEV2',
      occurredAt: '2023-10-12T06:05:00.000Z',
      tags: ['故障复盘', '数据库'],
      services: ['支付'],
      factors: [],
    })
  })

  it('turns a TOML local date (as Hugo writes it) into an ISO instant the import accepts', () => {
    expect(factsOf('+++\ntitle = "Login outage"\ndate = 2023-10-12\n+++\n').occurredAt).toBe(
      '2023-10-12T00:00:00.000Z',
    )
    expect(factsOf('+++\ndate = 2023-10-12T14:05:00\n+++\n').occurredAt).toMatch(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/,
    )
  })
})

describe('severity names', () => {
  it.each([
    ['P0', 'SEV1'],
    ['P1', 'SEV1'],
    ['sev1', 'SEV1'],
    ['Critical', 'SEV1'],
    ['sev2', 'SEV2'],
    ['SEV-2', 'SEV2'],
    ['major', 'SEV2'],
    ['p3', 'SEV3'],
    ['Sev 3', 'SEV3'],
    ['minor', 'SEV3'],
    ['low', 'SEV4'],
    ['P4', 'SEV4'],
  ])('%s → %s', (name, severity) => {
    expect(factsOf(`---\nseverity: ${name}\n---\n`).severity).toBe(severity)
  })

  it('reads `sev` and `priority` keys, and leaves unknown names unset', () => {
    expect(factsOf('---\nsev: sev2\n---\n').severity).toBe('SEV2')
    expect(factsOf('---\npriority: P1\n---\n').severity).toBe('SEV1')
    expect(factsOf('---\nseverity: catastrophic\n---\n').severity).toBeNull()
  })
})

describe('malformed or missing front matter', () => {
  const empty = {
    title: '',
    launch: '',
    severity: null,
    occurredAt: null,
    tags: [],
    services: [],
    factors: [],
  }

  it.each([
    ['broken YAML', '---\ntitle: [unclosed\n  : : :\n---\nbody'],
    ['broken TOML', '+++\ntitle = \n+++\nbody'],
    ['a YAML list instead of a map', '---\n- a\n- b\n---\n'],
    ['empty front matter', '---\n---\n'],
    ['no front matter', '# Checkout outage\n\nBody.'],
  ])('%s is ignored, never thrown', (_, source) => {
    expect(() => front(source)).not.toThrow()
    expect(front(source)).toEqual({})
    expect(factsOf(source)).toEqual(empty)
  })

  it('a date that is not a date gives no time', () => {
    expect(factsOf('---\ntitle: x\ndate: last Tuesday-ish\n---\n').occurredAt).toBeNull()
  })

  it('odd value types do not throw', () => {
    expect(() => facts({ title: 42, tags: { a: 1 }, services: [null, 'api', 3], date: true })).not.toThrow()
    expect(facts({ title: 42, services: [null, 'api', 3] })).toMatchObject({
      title: '42',
      services: ['api', '3'],
      factors: [],
    })
  })
})
