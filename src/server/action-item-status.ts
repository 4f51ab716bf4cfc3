/*
 * Which action items are still to do, for every folder that asks (postmortems, checklists' My
 * work, notifications' overdue sweep and digest): here, where each can import it without two
 * folders importing each other. Isomorphic: the read page's client code uses it too.
 */

/** An item still to do: one DONE or CANCELLED is never overdue, nor on anyone's My work. */
export const openActionItemStatuses = ['OPEN', 'IN_PROGRESS'] as const
