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
    '根本原因是',
  ],
  en: [
    'after the deploy',
    'the logs showed',
    'on-call noticed',
    'customers reported',
    'the dashboard showed',
    'after the rollback',
    'as a stopgap',
    'the root cause was',
  ],
}

/** A postmortem's texts of about 1.5 KB, for search benchmarks (no Markdown round trip: fast to make). */
export function generateTexts(next: () => number, i: number) {
  const chinese = next() < 0.5
  const words = chinese ? zh : en
  const sentence = () =>
    chinese
      ? `${pick(next, filler.zh)}${pick(next, zh.systems)}${pick(next, zh.symptoms)}，怀疑是${pick(next, zh.causes)}，${pick(next, zh.checks)}。`
      : `${pick(next, filler.en)} the ${pick(next, en.systems)} ${pick(next, en.symptoms)}; we suspected ${pick(next, en.causes)} and it was ${pick(next, en.checks)}.`
  const paragraph = (n: number) => Array.from({ length: n }, sentence).join(chinese ? '' : ' ')
  return {
    title: chinese
      ? `${pick(next, words.systems)}${pick(next, words.symptoms)} #${i}`
      : `#${i} ${pick(next, words.systems)}: ${pick(next, words.symptoms)}`,
    symptom: paragraph(3),
    rootCause: paragraph(2),
    detection: paragraph(4), // stands in for hypotheses and their evidence
    resolution: paragraph(2),
    lessons: paragraph(2),
  }
}
