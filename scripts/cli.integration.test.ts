import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

/*
 * The command-line tools as an operator runs them, on this file's own database (the setup
 * file points DATABASE_URL / HINDSIGHT_DATA_DIR at it and the children inherit it). This
 * process opens the database only in the last test: the embedded one serves one process.
 */
const tsx = path.join('node_modules', '.bin', 'tsx')

function cli(script: string, args: string[], input = '') {
  const run = spawnSync(tsx, ['--conditions=react-server', `scripts/${script}.ts`, ...args], {
    encoding: 'utf8',
    input,
    env: { ...process.env, HINDSIGHT_URL: '', HINDSIGHT_TOKEN: '' },
  })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}
const userCreate = (args: string[], password: string) => cli('user-create', args, `${password}\n`)
/**
 * A bound on a hang, like the project's (vitest.config.mts): each CLI run starts tsx and opens the
 * database; on CI's two cores beside both end-to-end runs one test took over two minutes.
 */
const TIMEOUT = 300_000

describe('npm run user:create', () => {
  it(
    'refuses a bad email, a short password and a member before the first admin, and says why',
    () => {
      expect(userCreate(['--admin', 'not-an-email'], 'long enough password')).toMatchObject({
        code: 1,
        stderr: expect.stringContaining('email: Enter an email address like name@example.com.'),
      })
      expect(userCreate(['--admin', 'ops@example.com'], 'short')).toMatchObject({
        code: 1,
        stderr: expect.stringContaining('password: Use at least 8 characters.'),
      })
      expect(userCreate(['member@example.com'], 'long enough password')).toMatchObject({
        code: 1,
        stderr: expect.stringContaining('the first account must be one. Add --admin.'),
      })
      expect(userCreate(['--admin', 'ops@example.com'], '')).toMatchObject({ code: 1 })
      expect(userCreate(['--admin'], 'long enough password')).toMatchObject({
        code: 2,
        stderr: expect.stringContaining('Usage: npm run user:create'),
      })
    },
    TIMEOUT,
  )

  it(
    'creates the first admin from a piped password, then members, and refuses a taken email',
    () => {
      expect(
        userCreate(['--admin', '--name', 'Olga Ops', 'Ops@Example.com'], 'first admin password'),
      ).toMatchObject({
        code: 0,
        stdout: expect.stringContaining('Created the first admin, Olga Ops <ops@example.com>'),
      })
      expect(userCreate(['member@example.com'], 'member password')).toMatchObject({
        code: 0,
        stdout: expect.stringContaining('Created member <member@example.com> (editor).'),
      })
      expect(userCreate(['--role', 'viewer', 'viewer@example.com'], 'viewer password')).toMatchObject({
        code: 0,
      })
      expect(userCreate(['--admin', 'ops@example.com'], 'another password')).toMatchObject({
        code: 1,
        stderr: expect.stringContaining('email: Someone already uses this email.'),
      })
    },
    TIMEOUT,
  )
})

describe('npm run gate -- <launch name>', () => {
  it(
    'finds a launch by its name, reads its pinyin slug, and refuses a name two launches share',
    () => {
      expect(cli('demo', [])).toMatchObject({
        code: 0,
        stdout: expect.stringContaining('/launches/yi-dong-lian-meng-1-2'),
      })
      const byName = cli('gate', ['移动联盟1.2', '--json'])
      expect(byName.code).toBe(1) // the demo launch's checks are all pending
      expect(JSON.parse(byName.stdout)).toMatchObject({
        launch: { slug: 'yi-dong-lian-meng-1-2', name: '移动联盟1.2' },
        ready: false,
        counts: { pending: 4 },
      })
      expect(cli('gate', ['yi-dong-lian-meng-1-2']).stdout).toContain(
        '移动联盟1.2 (yi-dong-lian-meng-1-2): NOT READY',
      )

      // The demo imported the seed retro into a launch; a second import makes a namesake.
      const seed = 'src/server/imports/fixtures/launch-retro-mobile-alliance-1.1.zh.md'
      expect(cli('import', [seed]).code).toBe(0)
      const shared = cli('gate', ['移动联盟1.1版本上线总结回顾'])
      expect(shared.code).toBe(2)
      expect(shared.stderr).toContain(
        'CONFLICT — Several launches are named “移动联盟1.1版本上线总结回顾”: ' +
          'yi-dong-lian-meng-1-1-ban-ben-shang-xian-zong-jie-hui-gu, ' +
          'yi-dong-lian-meng-1-1-ban-ben-shang-xian-zong-jie-hui-gu-2. Name one by its slug.',
      )
      expect(cli('gate', ['no such launch', '--json'])).toMatchObject({
        code: 2,
        stderr: expect.stringContaining('"error":"NOT_FOUND"'),
      })
    },
    TIMEOUT,
  )

  it('stored passwords that sign in (checked last: this process now opens the database)', async () => {
    const { auth } = await import('@/server/auth/auth')
    const signIn = (email: string, password: string) =>
      auth.api.signInEmail({ body: { email, password } }).then(
        (r) => r.user.email,
        () => null,
      )
    expect(await signIn('ops@example.com', 'first admin password')).toBe('ops@example.com')
    expect(await signIn('ops@example.com', 'another password')).toBeNull()
    const { db } = await import('@/server/db')
    expect(
      await db.user.findMany({ orderBy: { createdAt: 'asc' }, select: { email: true, role: true } }),
    ).toEqual([
      { email: 'ops@example.com', role: 'ADMIN' },
      { email: 'member@example.com', role: 'EDITOR' },
      { email: 'viewer@example.com', role: 'VIEWER' },
    ])
  })
})
