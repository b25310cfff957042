import autocannon from 'autocannon';
import { round } from './stats.mjs';

/** Runs autocannon to completion (it stops by itself after `duration` seconds). */
export function cannon(options) {
  return new Promise((resolve, reject) => {
    const instance = autocannon({ timeout: 10, ...options }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
    const stop = () => instance.stop();
    process.once('SIGINT', stop);
    instance.on('done', () => process.removeListener('SIGINT', stop));
  });
}

/** The common metrics of an autocannon result: rate, latency percentiles (ms), errors split by kind. */
export function cannonMetrics(result) {
  const statusCodes = {};
  for (const [code, { count }] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = count;
  return {
    requests: result.requests.total,
    durationS: round(result.duration, 2),
    rps: round(result.requests.total / result.duration, 0),
    rpsMeanOfSeconds: round(result.requests.average, 0),
    p50: result.latency.p50,
    p90: result.latency.p90,
    p97_5: result.latency.p97_5,
    p99: result.latency.p99,
    max: result.latency.max,
    mean: round(result.latency.mean, 2),
    '2xx': result['2xx'],
    '4xx': result['4xx'],
    '5xx': result['5xx'],
    timeouts: result.timeouts,
    socketErrors: result.errors - result.timeouts,
    statusCodes,
  };
}
