import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import type { NotificationConfig } from '../config';
import { NOTIFICATION_CONFIG } from '../database';

export interface OutgoingEmail {
  to: string;
  subject: string;
  html: string;
  text: string;
  messageId: string;
  /** The request that caused the email (the pay request for a confirmation), as its X-Request-Id header. */
  requestId?: string;
  /** Inline images, referenced from the html as `cid:<cid>`. */
  inlineImages?: { cid: string; filename: string; content: Buffer; contentType: string }[];
}

export class SmtpError extends Error {
  override name = 'SmtpError';
}

/** SMTP delivery through nodemailer; rejects when the server does not accept the message. */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly transport: Transporter;
  private readonly from: string;

  constructor(@Inject(NOTIFICATION_CONFIG) config: NotificationConfig) {
    const { host, port, secure, user, pass, from, timeoutMs } = config.smtp;
    this.from = from;
    // Pooled: a connection per email cost more than the email. A connection the server closed leaves the
    // pool when it ends; one that died silently times out (socketTimeout) and is closed, its message then
    // going over a new connection if none of it was sent, or failing. Idle connections are closed after
    // idleTimeout (so a mail server restart is not kept waiting for them), each after maxMessages.
    this.transport = createTransport({
      pool: true,
      maxConnections: 3,
      maxMessages: 100,
      idleTimeout: 5_000,
      host,
      port,
      secure,
      auth: user ? { user, pass } : undefined,
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs * 3,
    });
  }

  /** Rejects with an SmtpError when the message was not accepted. */
  async send(email: OutgoingEmail): Promise<void> {
    try {
      await this.transport.sendMail({
        from: this.from,
        to: email.to,
        subject: email.subject,
        html: email.html,
        text: email.text,
        messageId: email.messageId,
        headers: email.requestId ? { 'X-Request-Id': email.requestId } : undefined,
        attachments: email.inlineImages?.map((image) => ({
          ...image,
          contentDisposition: 'inline' as const,
        })),
      });
    } catch (error) {
      throw new SmtpError((error as Error).message, { cause: error });
    }
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
