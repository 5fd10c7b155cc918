import type { ThrottleConfig } from '../database/throttle-schema.js';
import { BadInputError } from '../../shared/errors.js';
import type { Signal } from '../database/throttle.js';
import { instantQuery } from './prometheus.js';

const FIELD = 'database.backfill.throttle.metric';
/** Between two batches: a Prometheus slower than this is as good as down, and the backfill goes on at half size. */
const TIMEOUT_MS = 5000;

/**
 * The application's own number (its p99 latency, say) as a throttle signal:
 * one Prometheus instant query, read between batches. `url` is the resolved
 * database.backfill.throttle.metric.url; `field` names it with the variable it came from.
 */
export function prometheusSignal(metric: NonNullable<ThrottleConfig['metric']>, url: string, field: string): Signal {
  if (!/^https?:\/\/[^/]/.test(url)) {
    throw new BadInputError(`${field}: expected the http:// or https:// URL of the Prometheus server; the value is not shown, as it may hold a secret. Fix the URL.`);
  }
  return {
    name: 'the application metric',
    warn: metric.warn,
    critical: metric.critical,
    show: value => String(Number(value.toPrecision(3))),
    async read() {
      const answer = await instantQuery(url, metric.query, { what: `${FIELD}.query`, timeoutMs: TIMEOUT_MS });
      if ('problem' in answer) throw new Error(answer.problem);
      // No traffic makes a latency quantile 0/0; not knowing is no reason to go faster.
      if (Number.isNaN(answer.value)) throw new Error(`${answer.what} returned NaN`);
      return answer.value;
    }
  };
}
