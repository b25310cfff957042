// A local SMTP sink for development: accepts every message, keeps the last 200 in memory and lists them at a
// small web page, so confirmation emails are visible without a real mail server.
import { createServer } from 'node:http';
import { SMTPServer } from 'smtp-server';

function header(raw, name) {
  const match = raw.match(new RegExp(`^${name}:\\s*((?:.*)(?:\\r?\\n[ \\t].*)*)`, 'im'));
  return match ? decodeWords(match[1].replace(/\r?\n[ \t]+/g, ' ').trim()) : '';
}

// RFC 2047 encoded words (=?UTF-8?Q?...?= / =?UTF-8?B?...?=), enough for subjects with accents or dashes.
function decodeWords(value) {
  return value.replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=\s*/g, (_, _charset, enc, text) => {
    if (enc.toUpperCase() === 'B') return Buffer.from(text, 'base64').toString('utf8');
    const bytes = text
      .replace(/_/g, ' ')
      .replace(/=([0-9A-F]{2})/gi, (_m, h) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  });
}

const escape = (s) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

export async function startMailSink({
  smtpPort = 1025,
  httpPort = 8025,
  host = '127.0.0.1',
  log = console.log,
} = {}) {
  const messages = [];
  let nextId = 1;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks = [];
      stream.on('data', (c) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const message = {
          id: nextId++,
          receivedAt: new Date().toISOString(),
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: header(raw, 'Subject'),
          raw,
        };
        messages.unshift(message);
        messages.length = Math.min(messages.length, 200);
        log(`mail to ${message.to.join(', ')}: ${message.subject}`);
        callback();
      });
    },
  });
  await new Promise((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(smtpPort, host, resolve);
  });
  const http = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/api/messages') {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(messages));
      return;
    }
    const one = url.pathname.match(/^\/messages\/(\d+)$/);
    if (one) {
      const m = messages.find((x) => x.id === Number(one[1]));
      res.statusCode = m ? 200 : 404;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(
        m
          ? `<h1>${escape(m.subject)}</h1><p>To: ${escape(m.to.join(', '))}</p><pre>${escape(m.raw)}</pre>`
          : 'not found',
      );
      return;
    }
    const rows = messages
      .map(
        (m) =>
          `<tr><td>${m.receivedAt}</td><td>${escape(m.to.join(', '))}</td><td><a href="/messages/${m.id}">${escape(m.subject)}</a></td></tr>`,
      )
      .join('');
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(`<!doctype html><title>Cinema mail sink</title><meta http-equiv="refresh" content="5">
<h1>Mail sink</h1><p>${messages.length} message(s). JSON: <a href="/api/messages">/api/messages</a></p>
<table border="1" cellpadding="4"><tr><th>received</th><th>to</th><th>subject</th></tr>${rows}</table>`);
  });
  await new Promise((resolve, reject) => {
    http.once('error', reject);
    http.listen(httpPort, host, resolve);
  });
  return {
    messages,
    async close() {
      await new Promise((r) => smtp.close(r));
      await new Promise((r) => http.close(r));
    },
  };
}
