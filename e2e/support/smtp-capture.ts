// An SMTP server for the end-to-end run (playwright.config.ts): the app mails through it
// (SMTP_URL), and tests read what it received as JSON from GET http://127.0.0.1:<HTTP port>/messages.
import { createServer } from 'node:http'
import { SMTPServer } from 'smtp-server'
import { decodeMail } from '../../src/test/decode-mail'

const smtpPort = Number(process.env.SMTP_CAPTURE_PORT)
const httpPort = Number(process.env.SMTP_CAPTURE_HTTP_PORT)
const messages: { to: string; subject: string; text: string }[] = []

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, session, callback) {
    let raw = ''
    stream.setEncoding('utf8')
    stream.on('data', (chunk: string) => (raw += chunk))
    stream.on('end', () => {
      const mail = decodeMail(raw)
      for (const to of session.envelope.rcptTo) messages.push({ to: to.address, ...mail })
      callback()
    })
  },
})
smtp.listen(smtpPort, '127.0.0.1')

createServer((req, res) => {
  res.writeHead(req.url === '/messages' ? 200 : 404, { 'content-type': 'application/json' })
  res.end(req.url === '/messages' ? JSON.stringify(messages) : '{}')
}).listen(httpPort, '127.0.0.1', () =>
  console.log(
    `SMTP capture for e2e on 127.0.0.1:${smtpPort}, messages at http://127.0.0.1:${httpPort}/messages`,
  ),
)
