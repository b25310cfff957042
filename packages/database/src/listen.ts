import { Client, type ClientConfig, type Notification } from 'pg';

export interface PgListenerOptions {
  /**
   * Where to connect. The listener needs a direct session connection to PostgreSQL: LISTEN belongs to a
   * server session, so it does not work through a transaction-mode pooler (PgBouncer hands every
   * statement to whichever server connection is free, and the notifications never come back).
   */
  connection: ClientConfig;
  /** The channels to LISTEN on: plain lower-case SQL identifiers. */
  channels: readonly string[];
  /** Each NOTIFY on one of the channels. */
  onNotification(message: Notification): void;
  /**
   * Runs after each successful (re)connect, once every LISTEN is in place: a NOTIFY sent while nobody
   * listened reached no one, so this is where a caller catches up (re-reads, wakes its waiters). When it
   * throws or rejects the connection is dropped and tried again, so the catch-up runs again too.
   */
  onConnect?(): void | Promise<void>;
  /** The connection failed or was lost (not called for close()); the next attempt is in `retryInMs`. */
  onDisconnect?(error: Error | undefined, retryInMs: number): void;
  /** Reconnect backoff: starts at `min`, doubles after each failed attempt up to `max`. */
  retryMs?: { min: number; max: number };
}

const CHANNEL = /^[a-z_][a-z0-9_]*$/;

/**
 * One dedicated connection (not from a pool) that LISTENs on a few channels and reconnects with backoff
 * after an error or a lost connection (a database restart, pg_terminate_backend), until close().
 *
 * It needs a direct session connection to PostgreSQL, never one through a transaction-mode pooler such as
 * PgBouncer in transaction mode: LISTEN and its notifications live on one server session.
 */
export class PgListener {
  private client: Client | null = null;
  private attempt: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private retryMs: number;
  private readonly retry: { min: number; max: number };
  private started = false;
  private closed = false;

  constructor(private readonly options: PgListenerOptions) {
    for (const channel of options.channels)
      if (!CHANNEL.test(channel)) throw new Error(`Not a plain channel name: ${JSON.stringify(channel)}`);
    this.retry = options.retryMs ?? { min: 250, max: 10_000 };
    this.retryMs = this.retry.min;
  }

  /** Every LISTEN is in place on a live connection: a NOTIFY now reaches onNotification. */
  get listening(): boolean {
    return this.client !== null;
  }

  /**
   * Connects; resolves after the first attempt, whether it succeeded or a retry is scheduled (it never
   * rejects). Calling it again does nothing.
   */
  async start(): Promise<void> {
    if (this.started || this.closed) return;
    this.started = true;
    await this.connect();
  }

  /** Stops reconnecting and ends the connection, waiting for an attempt under way. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.attempt;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private connect(): Promise<void> {
    this.timer = null;
    if (this.closed) return Promise.resolve();
    this.attempt = this.open().finally(() => (this.attempt = null));
    return this.attempt;
  }

  private async open(): Promise<void> {
    // Keepalive: a connection that dies silently (a peer gone without a FIN) ends with an error, not never.
    const { connection } = this.options;
    const client = new Client({ ...connection, keepAlive: connection.keepAlive ?? true });
    let lost = false;
    const drop = (error?: Error) => {
      if (lost) return;
      lost = true;
      client.removeListener('notification', this.options.onNotification);
      void client.end().catch(() => undefined);
      if (this.client === client) this.client = null;
      if (this.closed) return;
      const retryInMs = this.retryMs;
      this.retryMs = Math.min(this.retryMs * 2, this.retry.max);
      this.timer = setTimeout(() => void this.connect(), retryInMs);
      this.timer.unref();
      this.options.onDisconnect?.(error, retryInMs);
    };
    client.on('error', drop);
    client.on('end', () => drop());
    client.on('notification', this.options.onNotification);
    try {
      await client.connect();
      for (const channel of this.options.channels) await client.query(`LISTEN ${channel}`);
    } catch (error) {
      drop(error as Error);
      return;
    }
    if (lost) return;
    if (this.closed) {
      lost = true;
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    try {
      await this.options.onConnect?.();
    } catch (error) {
      drop(error as Error);
      return;
    }
    // Only a connection that got through its catch-up resets the backoff.
    if (!lost) this.retryMs = this.retry.min;
  }
}
