/**
 * The subject and text of a raw plain-text message as nodemailer writes it: RFC 2047 encoded
 * words in the subject, a quoted-printable or base64 body. Enough for the tests' own mail.
 */
export function decodeMail(raw: string): { subject: string; text: string } {
  const headerEnd = raw.indexOf('\r\n\r\n')
  const headers = raw.slice(0, headerEnd).replace(/\r\n[ \t]/g, ' ')
  const body = raw.slice(headerEnd + 4)
  const subjectLine = /^Subject: (.*)$/im.exec(headers)?.[1] ?? ''
  const subject = subjectLine
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([BQ])\?([^?]*)\?=/gi, (_m, encoding: string, text: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : quotedPrintable(text.replace(/_/g, ' ')),
    )
  const text = /^Content-Transfer-Encoding: base64/im.test(headers)
    ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
    : /^Content-Transfer-Encoding: quoted-printable/im.test(headers)
      ? quotedPrintable(body.replace(/=\r\n/g, ''))
      : body
  return { subject, text }
}

function quotedPrintable(text: string): string {
  const bytes: number[] = []
  for (let i = 0; i < text.length; i++) {
    const hex = text[i] === '=' ? /^[0-9A-F]{2}$/i.exec(text.slice(i + 1, i + 3))?.[0] : undefined
    if (hex) {
      bytes.push(parseInt(hex, 16))
      i += 2
    } else bytes.push(...Buffer.from(text[i]!, 'utf8'))
  }
  return Buffer.from(bytes).toString('utf8')
}
