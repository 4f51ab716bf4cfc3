import { describe, expect, it } from 'vitest'
import { weighedCauses } from './weighed-causes'

describe('weighedCauses', () => {
  it('a step that checked one thing and found it fine rules it out', () => {
    expect(weighedCauses('3. 检查连接池配置，未发现异常。')).toEqual([
      { statement: '连接池配置', status: 'ELIMINATED' },
    ])
  })

  it('an enumeration of what was checked rules each out, up to "等"', () => {
    expect(weighedCauses('还排查了慢查询、磁盘IO等，均正常。').map((c) => c.statement)).toEqual([
      '慢查询',
      '磁盘IO',
    ])
  })

  it('several things checked in one sentence, found fine in the next, are each ruled out', () => {
    expect(
      weighedCauses(
        'I checked the DHCP pools (VLAN pooling /24s), L3 configs and assignments between routers, and the primary/backup controller configs.',
        'Checks passed.',
      ),
    ).toEqual([
      { statement: 'DHCP pools (VLAN pooling /24s)', status: 'ELIMINATED' },
      { statement: 'L3 configs and assignments between routers', status: 'ELIMINATED' },
      { statement: 'primary/backup controller configs', status: 'ELIMINATED' },
    ])
  })

  it('a cause noticed and set aside ("was deemed unrelated", "与本次故障无关") is ruled out', () => {
    expect(
      weighedCauses(
        'An incidental DNS outage was also noted for approximately ten minutes but was deemed unrelated.',
      ),
    ).toEqual([{ statement: 'incidental DNS outage', status: 'ELIMINATED' }])
    expect(weighedCauses('当天的 CDN 抖动与本次故障无关。')).toEqual([
      { statement: '当天的 CDN 抖动', status: 'ELIMINATED' },
    ])
    // So is one checked and found sound, in a list of what was looked at.
    expect(weighedCauses('- The domain name and ingress were both valid.')).toEqual([
      { statement: 'domain name and ingress', status: 'ELIMINATED' },
    ])
  })

  it('things checked with nothing said about them are not ruled out', () => {
    expect(weighedCauses('We checked the logs and the dashboards.', 'The logs showed a spike.')).toEqual([])
  })

  it('alternatives are each open; a sentence that weighs nothing gives nothing', () => {
    expect(weighedCauses('要么缓存过期时间太长，要么写入没有删缓存。')).toEqual([
      { statement: '缓存过期时间太长', status: 'OPEN' },
      { statement: '写入没有删缓存', status: 'OPEN' },
    ])
    expect(weighedCauses('We restarted the service at 14:05.')).toEqual([])
  })

  it('a question with "要么…要么" asks something; it weighs no cause', () => {
    expect(weighedCauses('数据库就活该要么 OLAP，要么 OLTP 么，为嘛就不能兼顾一下？')).toEqual([])
  })

  it('the likelier of two causes ("程序问题的可能性更大", "a bad deploy was more likely") is open', () => {
    expect(weighedCauses('程序问题的可能性更大。')).toEqual([{ statement: '程序问题', status: 'OPEN' }])
    expect(weighedCauses('The network looked fine, so a bad deploy was more likely.')).toEqual([
      { statement: 'bad deploy', status: 'OPEN' },
    ])
  })
})
