import { z } from 'zod';
import { durationSchema } from '../../../shared/duration.js';
import { argvSchema, confirmSchema, drainSchema } from '../options.js';

/** Drives any load balancer through the user's own commands: one reads the weights, one sets them. */
export const commandOptionsSchema = z
  .strictObject({
    kind: z.literal('command'),
    /** Prints the balancer's weights on stdout as JSON: {"weights": {"blue": 100, "green": 0}}. */
    read: argvSchema,
    /** Sets the weights given in CUTOVER_TARGET_BLUE and CUTOVER_TARGET_GREEN. */
    switch: argvSchema,
    /** A URL served through the balancer whose answers carry X-Cutover-Color; without it, the read-back alone confirms a switch. */
    probe: z.url({ protocol: /^https?$/, error: 'expected an http:// or https:// URL served through the load balancer' }).optional(),
    /** Longest run of any one command before it is stopped. */
    timeout: durationSchema.default(60_000),
    /** Names the lock that keeps two cutover runs on this machine apart: cutover holds .<name>.lock beside this path. */
    lock: z.string().min(1).optional(),
    confirm: confirmSchema({ responses: 5, timeout: 30_000, interval: 100 }),
    drain: drainSchema,
    /** Prints the number of requests in flight on the color in CUTOVER_DRAIN_COLOR. */
    'in-flight': argvSchema.optional(),
    /** Closes the connections still open on CUTOVER_DRAIN_COLOR and prints how many it closed. */
    close: argvSchema.optional()
  })
  .superRefine((options, ctx) => {
    // Each of these would be silently ignored; say so instead.
    if (options.close && !options['in-flight']) {
      ctx.addIssue({ code: 'custom', path: ['close'], message: 'runs only while draining by router.in-flight; add an in-flight command, or remove close' });
    }
    if (options.close && options.drain['close-after'] === undefined) {
      ctx.addIssue({ code: 'custom', path: ['close'], message: 'runs once router.drain.close-after has passed; set it (e.g. close-after: 30s), or remove close' });
    }
    if (!options.close && options.drain['close-after'] !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['drain', 'close-after'], message: 'this router closes connections with router.close; add a close command, or remove close-after' });
    }
  });

export type CommandOptions = z.output<typeof commandOptionsSchema>;
