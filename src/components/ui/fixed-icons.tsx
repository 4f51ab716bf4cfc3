import type { ReactElement } from 'react'

/**
 * Icons of a control repeated on every row of a long list, made once as elements. A lucide
 * component builds its attributes again on every render (spreads, class merging): about 50 µs an
 * icon on this machine, and a template's page drew 98 move arrows (decision 053). An element made
 * once is only written out. The drawings and attributes are lucide's (ISC).
 */
function fixedIcon(name: string, paths: string[]): ReactElement {
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      width="24"
      height="24"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      className={`lucide lucide-${name}`}
      aria-hidden
    >
      {paths.map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  )
}

export const arrowUpIcon = fixedIcon('arrow-up', ['m5 12 7-7 7 7', 'M12 19V5'])
export const arrowDownIcon = fixedIcon('arrow-down', ['M12 5v14', 'm19 12-7 7-7-7'])
