// Synthetic retros for benchmarks: mixed Chinese and English, in the shapes teams write them.

const zh = {
  systems: [
    '订单服务',
    '支付网关',
    '用户中心',
    '成长值服务',
    '签到服务',
    '消息队列',
    '缓存集群',
    '搜索服务',
    '推荐服务',
    '网关',
  ],
  symptoms: [
    '接口响应变慢',
    '部分用户登录失败',
    '列表数据为空',
    '任务上报速度很慢',
    '错误率突增',
    '页面白屏',
    '消息积压',
    '数据不一致',
  ],
  causes: [
    '主从延迟',
    '缺少索引',
    '缓存未更新',
    '连接池耗尽',
    '配置错误',
    '机器版本过旧',
    '磁盘写满',
    '死锁',
    '白名单未放开',
    '限流阈值过低',
  ],
  checks: [
    '查看监控后排除',
    '通过日志确认不存在该问题',
    '测试环境无此情况，排除',
    '发现确实如此，考虑从这里下手',
  ],
}
const en = {
  systems: [
    'checkout API',
    'auth service',
    'search cluster',
    'billing worker',
    'notification queue',
    'edge proxy',
    'ledger DB',
  ],
  symptoms: [
    'p95 latency spiked',
    'requests returned 503',
    'emails were delayed',
    'the job never finished',
    'users saw stale data',
  ],
  causes: [
    'replication lag',
    'a missing index',
    'an expired certificate',
    'connection pool exhaustion',
    'a bad config push',
    'disk IO saturation',
  ],
  checks: [
    'ruled out after checking the dashboards',
    'logs showed nothing unusual, so it was ruled out',
    'confirmed: this was the root cause',
  ],
}

function pick<T>(next: () => number, list: T[]): T {
  return list[Math.floor(next() * list.length)]!
}

export function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** One retro in Markdown: Chinese in the seed's shape, or English in the SRE shape. */
export function generateRetro(next: () => number, i: number): string {
  if (next() < 0.5) {
    const system = pick(next, zh.systems)
    const causes = Array.from({ length: 3 + Math.floor(next() * 3) }, () => pick(next, zh.causes))
    return [
      `# ${system}${pick(next, zh.symptoms)}（第${i}次复盘）`,
      `## 问题现象\n上线后${system}${pick(next, zh.symptoms)}，影响约${Math.floor(next() * 40)}%的用户。`,
      `## 问题排查\n### 可能原因\n${causes.map((c, k) => `${k + 1}. ${c}：${pick(next, zh.checks)}`).join('\n')}`,
      `### 问题排查\n1. 针对可能原因1，${pick(next, zh.checks)}\n2. 针对${2}和${3}，查看日志后排除`,
      `## 问题原因\n${causes.at(-1)}导致${system}异常。`,
      `## 解决方案\n暂时${pick(next, ['重启', '扩容', '回滚'])}${system}，待找到具体原因之后再恢复。`,
      `## 验证结果\n错误率瞬间降至${(next() * 2).toFixed(1)}%。`,
      `## 问题总结\n上线前要检查${causes[0]}相关的风险。`,
    ].join('\n\n')
  }
  const system = pick(next, en.systems)
  const causes = Array.from({ length: 2 + Math.floor(next() * 3) }, () => pick(next, en.causes))
  return [
    `# Postmortem ${i}: ${system} ${pick(next, en.symptoms)}`,
    `## Summary\nThe ${system} ${pick(next, en.symptoms)} for ${Math.floor(next() * 90)} minutes.`,
    `## Impact\nAbout ${Math.floor(next() * 30)}% of requests failed.`,
    `## Possible causes\n${causes.map((c, k) => `${k + 1}. ${c}: ${pick(next, en.checks)}`).join('\n')}`,
    `## Timeline\n- 10:0${i % 10} Alert fired.\n- 10:2${i % 10} Tried restarting the ${system}.\n- 10:4${i % 10} Decided to roll back.`,
    `## Root cause\n${causes[0]} in the ${system}.`,
    `## Resolution\nRolled back the last deploy.`,
    `## Action items\n| Action | Owner | Due |\n| --- | --- | --- |\n| Add an alert for ${causes[0]} | ops | 2026-12-0${1 + (i % 9)} |`,
  ].join('\n\n')
}

/** Causes beyond the retro shapes above: a long tail, as real incident archives have. */
const moreCauses = {
  zh: [
    '网络抖动',
    'DNS解析失败',
    '证书过期',
    '内存泄漏',
    'GC停顿',
    '线程池满',
    '慢查询',
    '消息重复消费',
    '时钟不同步',
    '依赖服务超时',
    '灰度配置遗漏',
    '表结构未同步',
    '磁盘IO打满',
    'CPU打满',
    '大key',
    '热点key',
    '批量任务冲突',
    '版本不兼容',
    '权限不足',
    '脚本执行过慢',
  ],
  en: [
    'a memory leak',
    'GC pauses',
    'a full thread pool',
    'a slow query',
    'duplicate message consumption',
    'clock skew',
    'a hot key in redis',
    'a schema migration that locked a table',
    'DNS resolution failures',
    'a dependency timing out',
    'a feature flag left on',
    'a retry storm',
    'the file descriptor limit',
    'a cache stampede',
  ],
}
const allCauses = { zh: [...moreCauses.zh, ...zh.causes], en: [...moreCauses.en, ...en.causes] }

/** Skewed: the k-th item is picked about 1/√(k+1) as often as the first. */
function pickSkewed<T>(next: () => number, list: T[]): T {
  const total = list.reduce((sum, _, k) => sum + 1 / Math.sqrt(k + 1), 0)
  let r = next() * total
  for (let k = 0; k < list.length; k++) if ((r -= 1 / Math.sqrt(k + 1)) <= 0) return list[k]!
  return list.at(-1)!
}

/** English words Chinese-writing teams keep in English, and the reverse. */
const mixedIn = {
  zh: [
    'redis',
    'MySQL',
    'uid',
    'MQ',
    'curl',
    'nginx',
    'Kafka',
    'CPU',
    'p95',
    'GC',
    'DNS',
    'cache',
    'timeout',
  ],
  en: ['(成长值服务)', '(主从延迟)', '(索引)', '(超时)', '(回滚)', '(签到服务)'],
}

const filler = {
  zh: [
    '上线后',
    '排查发现',
    '通过日志确认',
    '运维反馈',
    '用户投诉',
    '监控显示',
    '回滚之后',
    '扩容之后',
    '临时处理',
  ],
  en: [
    'after the deploy',
    'the logs showed',
    'on-call noticed',
    'customers reported',
    'the dashboard showed',
    'after the rollback',
    'as a stopgap',
  ],
}

const lessons = {
  zh: [
    '上线前要检查{cause}相关的风险，并补上监控。',
    '{system}的缓存策略需要在评审时说明清楚。',
    '对{cause}这类问题要有预案，避免临时排查。',
    '排查时先看监控和日志，再动手改配置。',
    '灰度发布时要观察{system}的错误率。',
  ],
  en: [
    'Check for {cause} before every release of the {system}.',
    'Add a cache invalidation test for the {system}.',
    'Write a runbook for {cause}; the on-call lost time guessing.',
    'Alert on p95 latency, not only on errors.',
    'Roll out {system} changes behind a flag.',
  ],
}

/**
 * A postmortem document of about 1.5 KB for search benchmarks: half written in Chinese with
 * English terms mixed in (redis, uid, p95), half in English with some Chinese; 3–5
 * hypotheses with evidence and a verdict (one confirmed, which is the root cause) drawn from
 * a long tail of causes, and two lessons. No Markdown round trip, so 100k are quick to make.
 */
export function generateDocument(next: () => number, i: number) {
  const chinese = next() < 0.5
  const lang = chinese ? 'zh' : 'en'
  const words = chinese ? zh : en
  const system = pick(next, words.systems)
  const symptom = pick(next, words.symptoms)
  const causes = [
    ...new Set(Array.from({ length: 3 + Math.floor(next() * 3) }, () => pickSkewed(next, allCauses[lang]))),
  ]
  const confirmed = Math.floor(next() * causes.length)
  const term = () => (next() < (chinese ? 0.4 : 0.1) ? pick(next, mixedIn[lang]) : '')
  const suspect = () => (next() < 0.3 ? pick(next, causes) : '')
  const sentence = () => {
    const cause = suspect()
    return chinese
      ? `${pick(next, filler.zh)}${pick(next, zh.systems)}${term()}${pick(next, zh.symptoms)}${cause ? `，怀疑是${cause}` : ''}，${pick(next, zh.checks)}。`
      : `${pick(next, filler.en)} the ${pick(next, en.systems)} ${pick(next, en.symptoms)} ${term()}${cause ? `; we suspected ${cause}` : ''}; it was ${pick(next, en.checks)}.`
  }
  const paragraph = (n: number) => Array.from({ length: n }, sentence).join(chinese ? '' : ' ')
  const fill = (template: string) =>
    template.replace('{cause}', causes[confirmed]!).replace('{system}', system)
  return {
    title: chinese ? `${system}${symptom} #${i}` : `#${i} ${system}: ${symptom}`,
    summary: paragraph(1),
    symptom: paragraph(2),
    detection: paragraph(1),
    impact: chinese
      ? `影响约${Math.floor(next() * 40)}%的用户，持续${Math.floor(next() * 90)}分钟。`
      : `About ${Math.floor(next() * 30)}% of requests failed for ${Math.floor(next() * 90)} minutes.`,
    rootCause: chinese
      ? `${causes[confirmed]}导致${system}${symptom}。${paragraph(1)}`
      : `${causes[confirmed]} in the ${system}. ${paragraph(1)}`,
    resolution: paragraph(1),
    verification: chinese
      ? `错误率降至${(next() * 2).toFixed(1)}%。`
      : `Errors dropped to ${(next() * 2).toFixed(1)}%.`,
    hypotheses: causes.map((cause, k) => ({
      statement: `${cause}${chinese ? '' : ' '}${term()}`.trim(),
      status:
        k === confirmed ? ('CONFIRMED' as const) : next() < 0.8 ? ('ELIMINATED' as const) : ('OPEN' as const),
      evidence: k === confirmed ? (chinese ? zh.checks[3]! : en.checks[2]!) : sentence(),
    })),
    lessons: [fill(pick(next, lessons[lang])), fill(pick(next, lessons[lang]))],
  }
}
