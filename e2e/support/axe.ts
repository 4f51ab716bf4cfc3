import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'

/** What the app promises (issue 20): WCAG 2.0 and 2.1, levels A and AA. */
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

/**
 * Runs axe-core on the page as it is now (a menu open, a form refused, sections expanded) and
 * fails on any WCAG A/AA violation, listing each rule with the elements that break it. A soft
 * assertion: the test goes on to the next page, so one run lists every page's violations.
 */
export async function expectNoAxeViolations(page: Page, where: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_AA).analyze()
  const found = violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n${v.nodes
        .slice(0, 5)
        .map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1).join(' ')}`)
        .join('\n')}`,
  )
  expect.soft(found, `WCAG 2.1 AA violations on ${where}`).toEqual([])
}
