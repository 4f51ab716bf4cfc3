'use client'

import dynamic from 'next/dynamic'

/**
 * `Markdown` for client components, in its own chunk: the parser and sanitizer behind it
 * (react-markdown, remark, rehype: about 48 kB gzipped) load when a text is first shown (a
 * preview, a comment), not with the editor. Server-rendered where it renders on the server.
 */
export const LazyMarkdown = dynamic(() => import('./markdown').then((module) => module.Markdown))
