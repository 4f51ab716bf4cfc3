import { pinyin } from 'pinyin-pro'

/** Long enough to tell launches apart in a URL, short enough to read in one. */
export const SLUG_MAX = 60

const han = /\p{Script=Han}/u

/**
 * A readable URL slug for a launch name: "Mobile Alliance 1.1" → "mobile-alliance-1-1",
 * "移动联盟1.1版本上线总结回顾" → "yi-dong-lian-meng-1-1-ban-ben-shang-xian-zong-jie-hui-gu"
 * (pinyin without tones, one word per character, Latin parts kept). Cut at a word
 * boundary. A name with nothing to spell (punctuation, other scripts) gets a short random
 * slug; callers make slugs unique.
 */
export function slugify(name: string): string {
  const text = name.normalize('NFKC')
  // pinyin-pro reads each character in its context (重庆 → chong qing); nonZh keeps the rest as is.
  const spelled = han.test(text)
    ? pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true }).join(' ')
    : text
  const words = spelled
    .normalize('NFKD')
    .replace(/\p{M}/gu, '') // é → e
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
  let slug = ''
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word
    if (next.length > SLUG_MAX) break
    slug = next
  }
  if (!slug && words.length) slug = words[0]!.slice(0, SLUG_MAX) // one word longer than the cap
  // Needs a letter: a bare version number ("1.1") says nothing about the launch.
  return /[a-z]/.test(slug) ? slug : `launch-${Math.random().toString(36).slice(2, 8)}`
}
