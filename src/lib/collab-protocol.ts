import * as Y from 'yjs'

/*
 * The co-editing socket's message kinds (the first varuint of every frame). 0 and 1 are
 * y-websocket's own; the server adds two so that the editor can say "saved" honestly: a change
 * is saved once the structured tables were written from a document that held it.
 */
export const MESSAGE = {
  sync: 0,
  awareness: 1,
  /** Followed by a Yjs state vector: everything up to it is stored and in the tables. */
  saved: 100,
  /** Saving is failing (the database is unreachable); the server keeps trying. */
  saveFailing: 101,
  /**
   * Followed by a JSON string: field path → validation key. The document breaks a rule only the
   * server can check (an owner who left, a closing that needs evidence): not saved until fixed.
   */
  refused: 102,
} as const

/** Where this page's co-editing socket is (the same host, `/collab`), in the browser. */
export function collabSocketUrl() {
  const { protocol, host } = window.location
  return `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}/collab`
}

/** Whether a saved state vector holds every change the document has. */
export function savedCovers(saved: Map<number, number>, ydoc: Y.Doc): boolean {
  for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(ydoc)))
    if ((saved.get(client) ?? 0) < clock) return false
  return true
}
