// The running system of one browser test file: its API, and the browser whose visitors open its pages.
import { apiClient, startSmtpListener, startSystem, type RunningSystem } from '../system';
import { browserAvailable, startVisitors, type Visitors } from './browser';

export interface WebSystem {
  baseUrl: string;
  api: ReturnType<typeof apiClient>;
  visitors: Visitors;
  stop(): Promise<void>;
}

/**
 * Starts the system with `env` over the browser tests' own settings (mail to a local listener, payments
 * answered quickly), and a browser; `pageTimeout` as startVisitors takes it.
 */
export async function startWebSystem(
  env: Record<string, string> = {},
  pageTimeout?: number,
): Promise<WebSystem> {
  browserAvailable.check();
  const smtp = await startSmtpListener();
  let system: RunningSystem | undefined;
  try {
    system = await startSystem({
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      PAYMENT_DELAY_MS: '100',
      ...env,
    });
    const visitors = await startVisitors(system.baseUrl, pageTimeout);
    const running = system;
    return {
      baseUrl: system.baseUrl,
      api: apiClient(system.baseUrl),
      visitors,
      async stop() {
        await visitors.close();
        await running.stop();
        await smtp.close();
      },
    };
  } catch (error) {
    await system?.stop();
    await smtp.close();
    throw error;
  }
}
