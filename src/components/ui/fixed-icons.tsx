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
export const commentIcon = fixedIcon('message-square-plus', [
  'M22 17a2 2 0 0 1-2 2H6.828a2 2 0 0 0-1.414.586l-2.202 2.202A.71.71 0 0 1 2 21.286V5a2 2 0 0 1 2-2h16a2 2 0 0 1 2 2z',
  'M12 8v6',
  'M9 11h6',
])
export const trashIcon = fixedIcon('trash', [
  'M10 11v6',
  'M14 11v6',
  'M19 6v14a2 2 0 0 1-2 2H7a2 2 0 0 1-2-2V6',
  'M3 6h18',
  'M8 6V4a2 2 0 0 1 2-2h4a2 2 0 0 1 2 2v2',
])
