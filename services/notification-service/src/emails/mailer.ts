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
}

/** SMTP delivery through nodemailer; rejects when the server does not accept the message. */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly transport: Transporter;
  private readonly from: string;

  constructor(@Inject(NOTIFICATION_CONFIG) config: NotificationConfig) {
    const { host, port, secure, user, pass, from, timeoutMs } = config.smtp;
    this.from = from;
    this.transport = createTransport({
      host,
      port,
      secure,
      auth: user ? { user, pass } : undefined,
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs * 3,
    });
  }

  async send(email: OutgoingEmail): Promise<void> {
    await this.transport.sendMail({
      from: this.from,
      to: email.to,
      subject: email.subject,
      html: email.html,
      text: email.text,
      messageId: email.messageId,
    });
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
