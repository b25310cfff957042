import { expect } from 'vitest';
import { apiClient, startSmtpListener, startSystem, type RunningSystem } from './system';

export type SmtpListener = Awaited<ReturnType<typeof startSmtpListener>>;
export type Api = ReturnType<typeof apiClient>;

export interface MailedSystem {
  system: RunningSystem;
  /** Every email the system sends. */
  smtp: SmtpListener;
  /** A client of the system's public API. */
  api: Api;
  stop(): Promise<void>;
}

/**
 * The whole system (startSystem with `env` and `opts`, e.g. `{ replicas: 2 }`) sending its email to an SMTP
 * listener of the test's own.
 */
export async function startMailedSystem(
  env: Record<string, string>,
  opts: Parameters<typeof startSystem>[1] = {},
): Promise<MailedSystem> {
  const smtp = await startSmtpListener();
  let system: RunningSystem;
  try {
    system = await startSystem({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), ...env }, opts);
  } catch (error) {
    await smtp.close();
    throw error;
  }
  return {
    system,
    smtp,
    api: apiClient(system.baseUrl),
    async stop() {
      await system.stop();
      await smtp.close();
    },
  };
}

/** Registers a customer (201 expected) and returns its access token. */
export async function registerCustomer(
  api: Api,
  body: { email: string; password: string; name: string },
): Promise<string> {
  const registered = await api<{ accessToken: string }>('POST', '/auth/register', { body });
  expect(registered.status).toBe(201);
  return registered.body.accessToken;
}
