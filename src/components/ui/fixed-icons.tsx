import type { ReactElement } from 'react'

/**
 * Icons of a control repeated on every row of a long list, made once as elements of one span:
 * the drawing is a mask in app/globals.css (`.fixed-icon-*`, lucide's drawings). A lucide
 * component builds its attributes again on every render (decision 053), and even made once, an
 * inline SVG is three to six elements written out in every row (decision 064).
 */
const fixedIcon = (className: string): ReactElement => (
  <span aria-hidden className={`fixed-icon ${className}`} />
)

export const arrowUpIcon = fixedIcon('fixed-icon-arrow-up')
export const arrowDownIcon = fixedIcon('fixed-icon-arrow-down')
export const commentIcon = fixedIcon('fixed-icon-message-square-plus')
export const trashIcon = fixedIcon('fixed-icon-trash')
