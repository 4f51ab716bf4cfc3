'use client'

import {
  PostmortemEditor,
  type PostmortemEditorProps,
} from '@/components/postmortems/editor/postmortem-editor'
import type { PostmortemStatus } from '@/server/postmortems/schemas'
import { changeStatusAction } from '../../actions'
import { discardChangesAction, publishChangesAction } from '../../version-actions'
import { WorkflowActions } from './workflow-actions'

/** The editor with this route's workflow actions plugged in. */
export function PostmortemEditorShell({
  status,
  ...props
}: Omit<PostmortemEditorProps, 'actions'> & { status: PostmortemStatus }) {
  return (
    <PostmortemEditor
      {...props}
      actions={({ flush, clean }) => (
        <WorkflowActions
          number={props.number}
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
