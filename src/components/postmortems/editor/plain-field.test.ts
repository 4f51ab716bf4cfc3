import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { changedPassage, followPlainField } from './plain-field'

const LOCAL = Symbol('local')

/** A page's shared document as the server rendered it: its root cause, and its state. */
function renderedPage(rootCause: string) {
  const server = new Y.Doc()
  server.getText('rootCause').insert(0, rootCause)
  const rendered = Y.encodeStateAsUpdate(server)
  const browser = new Y.Doc()
  Y.applyUpdate(browser, rendered)
  return { server, rendered, browser, text: browser.getText('rootCause') }
}

describe('changedPassage', () => {
  it('finds one insertion, deletion or replacement between the kept start and end', () => {
    expect(changedPassage('连接池打满', '连接池被打满')).toEqual({ at: 3, remove: 0, insert: '被' })
    expect(changedPassage('the pool ran dry', 'the pool dry')).toEqual({ at: 9, remove: 4, insert: '' })
    expect(changedPassage('abc', 'aXYc')).toEqual({ at: 1, remove: 1, insert: 'XY' })
    expect(changedPassage('same', 'same')).toBeNull()
  })

  it('never splits an emoji', () => {
    const before = 'a😀b'
    const after = 'a😃b'
    const passage = changedPassage(before, after)!
    expect(passage).toEqual({ at: 1, remove: 2, insert: '😃' })
    expect(before.slice(0, passage.at) + passage.insert + before.slice(passage.at + passage.remove)).toBe(
      after,
    )
  })
})

describe('followPlainField', () => {
  it('adds what is typed before the editor loaded, as edits of this browser, each change once', () => {
    const { rendered, browser, text } = renderedPage('主从切换后缓存未更新')
    const origins: unknown[] = []
    browser.on('afterTransaction', (t: Y.Transaction) => origins.push(t.origin))
    const field = followPlainField(text, { rendered, shown: '主从切换后缓存未更新', origin: LOCAL })
    field.merge('主从切换后，缓存未更新')
    field.merge('主从切换后，本地缓存未更新')
    field.merge('主从切换后，本地缓存未更新')
    expect(text.toString()).toBe('主从切换后，本地缓存未更新')
    expect(origins).toEqual([LOCAL, LOCAL])
  })

  it('keeps what reached the shared text meanwhile, and what was typed', () => {
    const { server, rendered, browser, text } = renderedPage('The pool ran dry.')
    const field = followPlainField(text, { rendered, shown: 'The pool ran dry.', origin: LOCAL })
    field.merge('The pool ran dry')
    // Someone else adds a sentence; the socket brings it while the plain field still shows the
    // text the page was rendered with.
    const before = Y.encodeStateVector(server)
    server.getText('rootCause').insert(0, 'Failover at 10:02. ')
    Y.applyUpdate(browser, Y.encodeStateAsUpdate(server, before))
    field.merge('The connection pool ran dry')
    expect(text.toString()).toBe('Failover at 10:02. The connection pool ran dry')
    // And the server, sent this browser's edits, reads the same.
    Y.applyUpdate(server, Y.encodeStateAsUpdate(browser, Y.encodeStateVector(server)))
    expect(server.getText('rootCause').toString()).toBe(text.toString())
  })

  it('finds where the caret of the field is in the shared text, after what arrived before it', () => {
    const { server, rendered, browser, text } = renderedPage('The pool ran dry.')
    const field = followPlainField(text, { rendered, shown: 'The pool ran dry.', origin: LOCAL })
    field.merge('The pool ran dry!')
    const before = Y.encodeStateVector(server)
    server.getText('rootCause').insert(0, 'Failover. ')
    Y.applyUpdate(browser, Y.encodeStateAsUpdate(server, before))
    // The caret after "pool" in the field is after "pool" in the text, 10 characters further on.
    expect(text.toString().slice(0, field.offsetInText('The pool'.length))).toBe('Failover. The pool')
    expect(field.offsetInText('The pool ran dry!'.length)).toBe(text.length)
  })

  it('applies the typing where it was made when the page had no shared state', () => {
    const browser = new Y.Doc()
    const text = browser.getText('rootCause')
    text.insert(0, 'abc')
    followPlainField(text, { rendered: null, shown: 'abc', origin: LOCAL }).merge('abXc')
    expect(text.toString()).toBe('abXc')
  })

  it('changes nothing when nothing was typed', () => {
    const { rendered, browser, text } = renderedPage('unchanged')
    let transactions = 0
    browser.on('afterTransaction', () => transactions++)
    followPlainField(text, { rendered, shown: 'unchanged', origin: LOCAL }).merge('unchanged')
    expect(transactions).toBe(0)
  })
})
