import { z } from 'zod';
import { BadInputError } from '../shared/errors.js';
import { controlCharacterIn } from '../shared/logging/outside-text.js';
import { argvSchema as argvSchemaFor } from '../shared/argv.js';
import { durationSchema } from '../shared/duration.js';
import { DATABASE_URL_FORMS, databaseUrlKind, literalSecretIn } from '../shared/database-url.js';
import { secretableSchema } from '../shared/secrets.js';
import { colorSchema, healthSchema, httpUrl, type ColorSettings, type HealthSettings } from '../adapters/probes/settings.js';
import { throttleSchema } from '../adapters/database/throttle-schema.js';
import { analysisSchema, trafficSchema } from './analysis-schema.js';
import { ROUTER_KINDS, type RouterOptions } from '../adapters/routers/registry.js';



const argvSchema = argvSchemaFor('[./deploy.sh, --fast]');


/** Router kinds that set an affinity cookie themselves. */
const AFFINITY_KINDS: readonly string[] = ['nginx', 'haproxy'];


const deploySchema = z.strictObject({
  command: argvSchema.optional(),
  smoke: argvSchema.optional(),
  env: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected an environment variable name'), secretableSchema).default({}),
  timeout: durationSchema.default(1_800_000),
  'smoke-timeout': durationSchema.default(600_000)
});

/** Rows per backfill batch: a batch is one transaction, and one of millions of rows holds its locks for too long. */
const batchRowsSchema = z.number().int().positive().max(1_000_000, 'expected at most 1000000 rows per batch');

const databaseSchema = z.strictObject({
  url: secretableSchema.superRefine((url, ctx) => {
    // A reference is checked by secretableSchema here, and its value when the database is opened.
    if (url.startsWith('env:')) return;
    const secret = literalSecretIn(url);
    const message = secret
      ? `holds ${secret}, which does not belong in a config file; put the URL in a secret and write env:DATABASE_URL`
      : databaseUrlKind(url) === undefined
        ? `expected ${DATABASE_URL_FORMS}; for a server, put the URL in a secret and write env:DATABASE_URL`
        : undefined;
    if (message) ctx.addIssue({ code: 'custom', message, params: { hideValue: true } });
  }),
  migrations: z.string().min(1).default('db/migrations'),
  'lock-wait': durationSchema.default(30_000),
  'lock-timeout': durationSchema.default(100),
  'lock-timeout-max': durationSchema.default(2000),
  'lock-retries': z.number().int().min(0).max(100).default(8),
  'statement-timeout': durationSchema.default(60_000),
  'index-build-timeout': durationSchema.default(6 * 3_600_000),
  backfill: z
    .strictObject({
      'batch-target': durationSchema.default(20),
      'batch-min': batchRowsSchema.default(100),
      'batch-max': batchRowsSchema.default(50_000),
      'batch-initial': batchRowsSchema.default(1000),
      pause: durationSchema.default(0),
      throttle: throttleSchema
    })
    .prefault({}),
  contract: z.strictObject({ soak: durationSchema.default(600_000) }).default({ soak: 600_000 })
});

const routerSchema = z.discriminatedUnion(
  'kind',
  Object.values(ROUTER_KINDS).map(k => k.schema) as unknown as [z.ZodObject, ...z.ZodObject[]]
);

const configObject = z.strictObject({
    service: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,62}$/, 'expected a lowercase name of letters, digits, ".", "_" and "-", like shop-api'),
    environment: z.string().min(1).refine(text => controlCharacterIn(text) === null, 'expected one line of printable text (no control characters), like production').default('production'),
    url: httpUrl('the environment as its users reach it, shown on its GitHub deployment').optional(),
    /** Where each color runs; a contract proxy's colors are its implementations, so evm-proxy has none. */
    colors: z.strictObject({ blue: colorSchema, green: colorSchema }).optional(),
    /** How traffic moves between the colors; only a database-only config (a database section, no colors) has none. */
    router: routerSchema.optional(),
    health: healthSchema.default(healthSchema.parse({})),
    deploy: deploySchema.default(deploySchema.parse({})),
    database: databaseSchema.optional(),
    traffic: trafficSchema.default(trafficSchema.parse({})),
    analysis: analysisSchema.optional()
  });

export const configSchema = configObject.superRefine((config, ctx) => {
  const routerKind = (config.router as RouterOptions | undefined)?.kind;
  if (routerKind === 'evm-proxy') {
    contractProxyProblems(config, ctx);
    return;
  }
  if (routerKind === undefined) {
    databaseOnlyProblems(config, ctx);
  } else if (!config.colors) {
    ctx.addIssue({ code: 'custom', path: ['colors'], message: 'required: where blue and green run (upstream and health of each)' });
    return;
  } else if (config.colors.blue.upstream === config.colors.green.upstream) {
    ctx.addIssue({
      code: 'custom',
      path: ['colors', 'green', 'upstream'],
      message: `same as colors.blue.upstream (${config.colors.blue.upstream}); each color needs its own address`
    });
  }
  if (config.database && config.database['lock-timeout'] > config.database['lock-timeout-max']) {
    ctx.addIssue({ code: 'custom', path: ['database', 'lock-timeout'], message: 'must not be longer than database.lock-timeout-max' });
  }
  if (config.database && config.database.backfill['batch-min'] > config.database.backfill['batch-max']) {
    ctx.addIssue({ code: 'custom', path: ['database', 'backfill', 'batch-min'], message: 'must not be larger than database.backfill.batch-max' });
  }
  if (routerKind && config.traffic.affinity && !AFFINITY_KINDS.includes(routerKind)) {
    ctx.addIssue({
      code: 'custom',
      path: ['traffic', 'affinity'],
      message: `router.kind ${routerKind} cannot keep clients on a color; affinity works with ${AFFINITY_KINDS.join(' and ')}. Remove traffic.affinity, or keep sessions in a store both versions share`
    });
  }
  if (config.health.interval > config.health['max-interval']) {
    ctx.addIssue({ code: 'custom', path: ['health', 'interval'], message: 'must not be longer than health.max-interval' });
  }
});

/**
 * A config without a router runs the database phases alone, so it is one with a database and no
 * colors; what only a router or the colors would use is refused rather than silently ignored.
 */
function databaseOnlyProblems(config: z.output<typeof configObject>, ctx: z.RefinementCtx): void {
  const refuse = (path: string[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  if (!config.database || config.colors) {
    refuse(
      ['router'],
      `required: how traffic moves between blue and green (router.kind, like nginx). Only a database-only config leaves it out: one with a database section and no colors, for cutover db expand|migrate|contract${config.database ? '; this one has colors' : ''}`
    );
    return;
  }
  const unused = 'a database-only config (no router) releases no servers; add router and colors, or remove it';
  if (config.analysis) refuse(['analysis'], unused);
  if (config.traffic.affinity) refuse(['traffic', 'affinity'], unused);
  if (config.deploy.command) refuse(['deploy', 'command'], unused);
  if (config.deploy.smoke) refuse(['deploy', 'smoke'], unused);
}

/** A proxy upgrade moves every call at once, and its colors are implementations, not servers. */
function contractProxyProblems(config: z.output<typeof configObject>, ctx: z.RefinementCtx): void {
  const refuse = (path: string[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  if (config.colors) refuse(['colors'], 'router.kind evm-proxy has no servers per color: its colors are the live and the new implementation. Remove colors');
  if (config.traffic.steps.length > 1) refuse(['traffic', 'steps'], `router.kind evm-proxy switches every call at once in one transaction; traffic steps ${config.traffic.steps.join(', ')} cannot be set. Use all-at-once`);
  if (config.analysis) refuse(['analysis'], 'router.kind evm-proxy has no traffic to analyse between steps; check the new implementation with router.smoke calls instead');
  if (config.traffic.affinity) refuse(['traffic', 'affinity'], 'router.kind evm-proxy has no sessions to keep; remove traffic.affinity');
}

/** `router` is absent only in a database-only config; the steps that move traffic refuse such a config up front. */
export type Config = Omit<z.output<typeof configSchema>, 'router'> & { router?: RouterOptions };

/** The colors of a service that runs on servers; only a contract proxy has none, and the schema refuses what needs them there. */
export function serverColors(config: Config): ColorSettings {
  if (!config.colors) throw new BadInputError(`colors: router.kind ${config.router?.kind ?? '(none)'} needs blue and green servers (upstream and health of each).`);
  return config.colors;
}
export type { ColorSettings, HealthSettings };
export type DatabaseSettings = NonNullable<Config['database']>;
export type { AnalysisSettings, TrafficSettings } from './analysis-schema.js';
