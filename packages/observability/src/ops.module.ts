import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Controller, Get, Inject, Module, type DynamicModule, type Provider, Res } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { collectDefaultMetrics, register } from 'prom-client';
import { loggerOptions } from './logging';

export const HEALTH_CHECKS = Symbol('HEALTH_CHECKS');

/** A named dependency check; it throws (or rejects) when the dependency is down. */
export interface HealthCheck {
  name: string;
  check(): Promise<void>;
}

export interface HealthReport {
  status: 'ok' | 'error';
  checks: Record<string, { status: 'up' | 'down'; error?: string }>;
}

export async function runHealthChecks(checks: HealthCheck[], timeoutMs = 2_000): Promise<HealthReport> {
  const entries = await Promise.all(
    checks.map(async (c) => {
      try {
        await Promise.race([
          c.check(),
          new Promise((_, reject) =>
            setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs).unref(),
          ),
        ]);
        return [c.name, { status: 'up' as const }] as const;
      } catch (error) {
        return [c.name, { status: 'down' as const, error: (error as Error).message }] as const;
      }
    }),
  );
  const report: HealthReport = { status: 'ok', checks: {} };
  for (const [name, result] of entries) {
    report.checks[name] = result;
    if (result.status === 'down') report.status = 'error';
  }
  return report;
}

interface ReplyLike {
  status(code: number): ReplyLike;
  header(name: string, value: string): ReplyLike;
  send(body: unknown): void;
}

@Controller()
class HealthController {
  constructor(@Inject(HEALTH_CHECKS) private readonly checks: HealthCheck[]) {}

  @Get('health')
  async health(@Res() reply: ReplyLike): Promise<void> {
    const report = await runHealthChecks(this.checks);
    reply.status(report.status === 'ok' ? 200 : 503).send(report);
  }
}

@Controller()
class MetricsController {
  @Get('metrics')
  async metrics(@Res() reply: ReplyLike): Promise<void> {
    reply.header('content-type', register.contentType).send(await register.metrics());
  }
}

export interface MetricsServer {
  /** The bound port (the OS's choice when asked for 0). */
  port: number;
  close(): Promise<void>;
}

/**
 * `GET /metrics` on a port of its own, for a process whose HTTP port is public (the gateway): scrapers reach
 * it on a private address, the internet does not.
 */
export async function startMetricsServer(host: string, port: number): Promise<MetricsServer> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return;
    }
    register.metrics().then(
      (text) => res.writeHead(200, { 'content-type': register.contentType }).end(text),
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let defaultMetricsStarted = false;

/**
 * Logging (pino, redacted, with request ids), Prometheus metrics and the HTTP health endpoint of a
 * backend service. `checks` is a provider for HEALTH_CHECKS. `metricsRoute: false` keeps /metrics off the
 * service's HTTP port (serve it with startMetricsServer instead).
 */
@Module({})
export class OpsModule {
  static forService(
    service: string,
    checks: Provider,
    opts: { httpRoutes?: boolean; metricsRoute?: boolean; perRequestLogger?: boolean } = {},
  ): DynamicModule {
    if (!defaultMetricsStarted) {
      // prom-client's default 10 ms event-loop sampler is most of an idle service's CPU; 100 ms still shows lag.
      collectDefaultMetrics({ labels: { service }, eventLoopMonitoringPrecision: 100 });
      defaultMetricsStarted = true;
    }
    return {
      module: OpsModule,
      global: true,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: { ...loggerOptions(service), autoLogging: false },
          // pino-http's child logger per request costs measurable CPU on a hot gateway; the request id
          // reaches every log line through requestContext (the mixin) without it.
          ...(opts.perRequestLogger === false ? { forRoutes: [] } : {}),
        }),
      ],
      controllers:
        opts.httpRoutes === false
          ? []
          : [HealthController, ...(opts.metricsRoute === false ? [] : [MetricsController])],
      providers: [checks],
      exports: [checks],
    };
  }
}
