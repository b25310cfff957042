import { bool, dbSpec, group, int, listenSpec, loadConfig, rabbitSpec, str } from '@cinema/config';

export type NotificationConfig = ReturnType<typeof loadNotificationConfig>;

export function loadNotificationConfig(source: Record<string, string | undefined> = process.env) {
  return loadConfig(
    {
      db: group(dbSpec('NOTIFICATION', 'notification_db')),
      listen: group(listenSpec('notification')),
      rabbit: group(rabbitSpec()),
      smtp: group({
        host: str('SMTP_HOST', { default: '127.0.0.1' }),
        port: int('SMTP_PORT', { default: 1025, min: 1, max: 65535 }),
        user: str('SMTP_USER', { default: '', allowEmpty: true }),
        pass: str('SMTP_PASS', { default: '', allowEmpty: true, secret: true }),
        secure: bool('SMTP_SECURE', { default: false }),
        from: str('SMTP_FROM', { default: 'Cinema Tickets <tickets@cinema.local>' }),
        timeoutMs: int('SMTP_TIMEOUT_MS', { default: 10_000, min: 100, max: 120_000 }),
      }),
      timeZone: str('EMAIL_TIME_ZONE', { default: 'UTC' }),
      prefetch: int('NOTIFICATION_PREFETCH', { default: 5, min: 1, max: 100 }),
    },
    source,
  );
}
