import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * The colour tokens of app/globals.css meet WCAG 2.1 AA where they are used: input and select
 * edges 3:1 (1.4.11), status text 4.5:1 (1.4.3) on the page and on its own badge tint.
 * axe checks text on rendered pages; edges of controls it does not check, so they are kept here.
 */
const css = readFileSync(path.resolve(import.meta.dirname, '../../app/globals.css'), 'utf8')

type Rgb = [number, number, number] // linear sRGB, 0..1

function token(name: string): Rgb {
  const match = css.match(new RegExp(`--color-${name}:\\s*oklch\\(([\\d.]+) ([\\d.]+) ([\\d.]+)\\)`))
  if (!match) throw new Error(`--color-${name} is not an oklch() token`)
  const [l = 0, c = 0, h = 0] = match.slice(1).map(Number)
  const a = c * Math.cos((h * Math.PI) / 180)
  const b = c * Math.sin((h * Math.PI) / 180)
  const l_ = (l + 0.3963377774 * a + 0.2158037573 * b) ** 3
  const m_ = (l - 0.1055613458 * a - 0.0638541728 * b) ** 3
  const s_ = (l - 0.0894841775 * a - 1.291485548 * b) ** 3
  const clamp = (x: number) => Math.min(1, Math.max(0, x))
  return [
    clamp(4.0767416621 * l_ - 3.3077115913 * m_ + 0.2309699292 * s_),
    clamp(-1.2684380046 * l_ + 2.6097574011 * m_ - 0.3413193965 * s_),
    clamp(-0.0041960863 * l_ - 0.7034186147 * m_ + 1.707614701 * s_),
  ]
}

const encode = (x: number) => (x <= 0.0031308 ? 12.92 * x : 1.055 * x ** (1 / 2.4) - 0.055)
const decode = (x: number) => (x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4)
/** `fg` at `alpha` over `bg`, blended as browsers do (in gamma-encoded sRGB). */
const tint = (fg: Rgb, alpha: number, bg: Rgb): Rgb =>
  fg.map((x, i) => decode(encode(x) * alpha + encode(bg[i] ?? 0) * (1 - alpha))) as Rgb
const luminance = ([r, g, b]: Rgb) => 0.2126 * r + 0.7152 * g + 0.0722 * b
const contrast = (x: Rgb, y: Rgb) => {
  const [a, b] = [luminance(x), luminance(y)]
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)
}

describe('design tokens', () => {
  const surfaces = { background: token('background'), card: token('card') }

  it.each(Object.entries(surfaces))('input and select edges stand out 3:1 on the %s', (_, surface) => {
    expect(contrast(token('input'), surface)).toBeGreaterThanOrEqual(3)
  })

  it.each(['success', 'destructive', 'warning', 'muted-foreground', 'primary', 'accent-foreground'])(
    '%s text reads 4.5:1 on the page, a card and its own badge tint',
    (name) => {
      const text = token(name)
      for (const surface of Object.values(surfaces)) {
        expect(contrast(text, surface)).toBeGreaterThanOrEqual(4.5)
        expect(contrast(text, tint(text, 0.15, surface))).toBeGreaterThanOrEqual(4.5)
      }
    },
  )

  it('muted text reads 4.5:1 on a muted background', () => {
    expect(contrast(token('muted-foreground'), token('muted'))).toBeGreaterThanOrEqual(4.5)
  })

  it('accent text reads 4.5:1 on the accent background', () => {
    expect(contrast(token('accent-foreground'), token('accent'))).toBeGreaterThanOrEqual(4.5)
  })
})
