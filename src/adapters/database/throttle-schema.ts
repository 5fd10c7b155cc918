import { z } from 'zod';
import { DEFAULT_THROTTLE, type Levels } from './throttle.js';
import { durationSchema } from '../../shared/duration.js';
import { referenceIn, secretableSchema } from '../../shared/secrets.js';

/** At `warn` the backfill halves its batches; at `critical` it pauses until the signal falls below. */
const aboveWarn = (levels: { warn: number; critical: number }) => levels.critical > levels.warn;
const ABOVE_WARN = { path: ['critical'], message: 'must be more than warn; at warn batches shrink, at critical the backfill pauses' };

const durationLevels = ({ warn, critical }: Levels) =>
  z
    .strictObject({ warn: durationSchema.default(warn), critical: durationSchema.default(critical) })
    .refine(aboveWarn, ABOVE_WARN)
    .prefault({});

/** The application's own latency (or any number it exports), read with a Prometheus instant query. */
const metricSchema = z.strictObject({
  url: secretableSchema.refine(url => referenceIn(url) !== undefined || /^https?:\/\/[^/]/.test(url), 'expected the http:// or https:// URL of the Prometheus server (or env:NAME), like http://prometheus:9090'),
  query: z.string().trim().min(1, 'expected a PromQL query answering one number, like histogram_quantile(0.99, sum(rate(http_request_duration_seconds_bucket[1m])) by (le))'),
  warn: z.number(),
  critical: z.number()
}).refine(aboveWarn, ABOVE_WARN);

/** database.backfill.throttle: what live traffic feels, read between batches. */
export const throttleSchema = z
  .strictObject({
    /** Per batch: the time other sessions spent waiting on its row locks. */
    'lock-wait': durationLevels(DEFAULT_THROTTLE.lockWait),
    /** The furthest-behind replica's replay lag, where there are replicas. */
    'replica-lag': durationLevels(DEFAULT_THROTTLE.replicaLag),
    metric: metricSchema.optional(),
    /** How often signals read outside the batch (replica lag, the metric) are read, and a paused backfill looks again. */
    check: durationSchema.default(DEFAULT_THROTTLE.checkMs),
    'max-pause': durationSchema.default(DEFAULT_THROTTLE.maxPauseMs)
  })
  .prefault({});

export type ThrottleConfig = z.output<typeof throttleSchema>;
