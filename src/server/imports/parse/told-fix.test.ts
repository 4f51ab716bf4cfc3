import { describe, expect, it } from 'vitest'
import { toldFix } from './told-fix'

describe('toldFix', () => {
  it('prefers what the story says last and what says the service is back over background', () => {
    const story = [
      '考虑到迁移成本，我们选择了 TiDB。',
      '停电后我们重启了 PD。随后升级 tikv-ctl。',
      '删掉坏的 region 后服务还是起不来。',
      '`unsafe-recover remove-fail-stores` 一通后，终于起来服务了。',
    ]
    expect(toldFix('', story)).toBe(
      '停电后我们重启了 PD。 随后升级 tikv-ctl。 `unsafe-recover remove-fail-stores` 一通后，终于起来服务了。',
    )
    expect(toldFix('', [...story, '如果超过一半，可以尝试 unsafe-recover 再重启。'])).not.toContain(
      '如果超过一半',
    )
  })

  it("reads a status notice's summary whole: its latest update comes first", () => {
    const notice =
      'ESXi 主机网络不稳定的原因已经查明。目前已经修复。\n\n我们正在尝试排查问题。\n\n`git` 目前已经恢复。'
    expect(toldFix(notice, [])).toBe('目前已经修复。 `git` 目前已经恢复。')
  })

  it('the workaround a notice gives its readers ("您可以暂时使用…", "as a workaround") is the fix so far', () => {
    expect(toldFix('由于国际链路出现故障，多个镜像同步失败。在此期间，您可以暂时使用其他镜像站。', [])).toBe(
      '在此期间，您可以暂时使用其他镜像站。',
    )
    expect(toldFix('Logins fail on Safari. As a workaround, sign in with Chrome.', [])).toBe(
      'As a workaround, sign in with Chrome.',
    )
    expect(toldFix('Logins fail on Safari. You can reach support by e-mail.', [])).toBe('')
  })
})
