'use client'

import {
  PostmortemEditor,
  type PostmortemEditorProps,
} from '@/components/postmortems/editor/postmortem-editor'
import type { ThreadView } from '@/server/comments/thread-view'
import type { PostmortemStatus } from '@/server/postmortems/schemas'
import { changeStatusAction } from '../../actions'
import { createThreadAction, replyToThreadAction, resolveThreadAction } from '../../comment-actions'
import { discardChangesAction, publishChangesAction } from '../../version-actions'
import { WorkflowActions } from './workflow-actions'

/** The editor with this route's workflow and comment actions plugged in. */
export function PostmortemEditorShell({
  status,
  threads,
  ...props
}: Omit<PostmortemEditorProps, 'actions' | 'comments'> & {
  status: PostmortemStatus
  threads: ThreadView[]
}) {
  const { number } = props
  return (
    <PostmortemEditor
      {...props}
      comments={{
        threads,
        createThread: createThreadAction.bind(null, number),
        reply: (threadId) => replyToThreadAction.bind(null, number, threadId),
        resolve: (threadId, resolved) => resolveThreadAction(number, threadId, resolved),
      }}
      actions={({ flush, clean }) => (
        <WorkflowActions
          number={number}
          status={status}
          flush={flush}
          clean={clean}
          changeStatus={changeStatusAction}
          publishChanges={publishChangesAction}
          discardChanges={discardChangesAction}
        />
      )}
    />
  )
}
