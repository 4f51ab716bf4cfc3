'use client'

// Last resort when the root layout itself fails: no translations are loaded, so both languages.
export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: 'system-ui, sans-serif', padding: '4rem 1rem', textAlign: 'center' }}>
        <h1>Something went wrong · 出错了</h1>
        <button type="button" onClick={reset}>
          Try again · 重试
        </button>
      </body>
    </html>
  )
}
