/**
 * Shares items out between `loads.length` runs by weight, the heaviest first, each to the run
 * with the least so far (ties: the first), on top of the loads the runs already carry. Returns
 * the run of each item. npm test shares the integration files, Playwright the specs (decision 017).
 */
export function shareOut(
  items: string[],
  loads: number[],
  weight: (item: string) => number,
): Map<string, number> {
  const load = [...loads]
  const run = new Map<string, number>()
  for (const item of [...items].sort((a, b) => weight(b) - weight(a) || a.localeCompare(b))) {
    const lightest = load.indexOf(Math.min(...load))
    load[lightest]! += weight(item)
    run.set(item, lightest)
  }
  return run
}
