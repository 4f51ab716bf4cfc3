import * as Y from 'yjs'

/** A replica that received everything `from` holds, as a browser does on opening. */
export function replicaOf(from: Y.Doc) {
  const replica = new Y.Doc()
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(from))
  return replica
}

/** Both replicas receive what the other misses, as the sync protocol gives them. */
export function sync(a: Y.Doc, b: Y.Doc) {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b))
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a))
  Y.applyUpdate(b, toB)
  Y.applyUpdate(a, toA)
}
