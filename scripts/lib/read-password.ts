// A password for a command-line tool: typed at a hidden prompt on a terminal, else the first
// line of stdin (`echo 'secret' | npm run user:create -- …`), so it never shows in `ps`.

/** Asks on stderr without echoing what is typed; Ctrl-C cancels. */
function hiddenPrompt(question: string): Promise<string> {
  const input = process.stdin
  return new Promise((resolve, reject) => {
    let typed = ''
    const finish = (outcome: () => void) => {
      input.off('data', onData)
      input.setRawMode(false)
      input.pause()
      process.stderr.write('\n')
      outcome()
    }
    const onData = (chunk: string) => {
      // Arrow and function keys arrive as escape sequences: they are not part of a password.
      for (const char of chunk.replace(/\u001b(\[[0-9;]*[~A-Za-z]|O.)?/g, '')) {
        if (char === '\r' || char === '\n' || char === '\u0004') return finish(() => resolve(typed))
        if (char === '\u0003') return finish(() => reject(new Error('Cancelled.')))
        if (char === '\u007f' || char === '\b') typed = Array.from(typed).slice(0, -1).join('')
        else if (char >= ' ') typed += char
      }
    }
    input.setRawMode(true) // before the prompt: nothing typed after it is echoed
    input.setEncoding('utf8')
    input.on('data', onData)
    input.resume()
    process.stderr.write(question)
  })
}

async function firstLineOfStdin(): Promise<string> {
  let text = ''
  for await (const chunk of process.stdin) {
    text += String(chunk)
    if (text.includes('\n')) break
  }
  return text.split(/\r?\n/)[0] ?? ''
}

/** The password, asked twice on a terminal; throws when the two differ. */
export async function readPassword(question = 'Password: '): Promise<string> {
  if (!process.stdin.isTTY) return firstLineOfStdin()
  const password = await hiddenPrompt(question)
  if (!password) return ''
  if ((await hiddenPrompt('Repeat it: ')) !== password) throw new Error('The two passwords differ.')
  return password
}
