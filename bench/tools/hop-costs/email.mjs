import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import { measureVariants, startChild } from './measure.mjs';

export async function smtpRows(opts, cleanup, log) {
  const title = 'SMTP email, nodemailer pool';
  log(`  ${title} ...`);
  const sink = await startChild('smtp-sink', {}, cleanup);
  // As the notification service's Mailer: pooled, 3 connections, 100 messages each.
  const transport = nodemailer.createTransport({
    pool: true,
    maxConnections: 3,
    maxMessages: 100,
    idleTimeout: 5_000,
    host: '127.0.0.1',
    port: sink.port,
    secure: false,
    ignoreTLS: true,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  const releaseTransport = cleanup.add('nodemailer transport', () => transport.close());
  const seats = Array.from({ length: 2 }, (_, i) => `<tr><td>Row F</td><td>Seat ${12 + i}</td></tr>`).join(
    '',
  );
  const html = `<!doctype html><html><body><h1>Your booking is confirmed</h1><p>Dune: Part Two, Hall 3, Saturday 20:30.</p><table>${seats}</table><p>Booking reference ${'X'.repeat(12)}. Total 24.00 EUR.</p>${'<p>Please arrive 15 minutes early. Tickets are on your phone; show the QR code at the entrance.</p>'.repeat(8)}</body></html>`;
  const text = html.replace(/<[^>]+>/g, ' ');
  try {
    const op = async () => {
      const id = randomUUID();
      await transport.sendMail({
        from: 'Cinema <no-reply@cinema.local>',
        to: `customer-${id}@example.test`,
        subject: 'Your booking is confirmed',
        html,
        text,
        messageId: `<${id}@cinema.local>`,
      });
    };
    const [result] = await measureVariants(opts, [{ op, sides: [{ key: 'server', read: sink.cpuMs }] }]);
    return [{ id: 'smtp', title, result }];
  } finally {
    await releaseTransport();
    await sink.stop();
  }
}
