import { COLORS, type Color } from '../core/color.js';
import { describeRouterState } from '../core/router-state.js';
import { serializeSnapshot, takeSnapshot } from '../core/snapshot.js';
import { acceptedVersion, readVersion } from '../adapters/probes/version.js';
import type { ReleaseRecord } from '../adapters/store/release-store.js';
import type { StepContext, StepOutputs } from './context.js';
import { databaseSnapshot, withDatabase } from './database.js';

/** Records what is live (router state, versions) as a sealed snapshot and starts a release from it. */
export async function snapshotStep(context: StepContext): Promise<StepOutputs> {
  const { config, logger } = context;
  return logger.group('Snapshot', async () => {
    const state = await context.router.read();
    const versions = (await context.router.versions?.()) ?? ({ blue: null, green: null } as Record<Color, string | null>);
    for (const color of COLORS) {
      // A version the router reads (a contract's, say) is outside text as much as an endpoint's.
      const read = versions[color];
      if (read !== null) versions[color] = acceptedVersion(read, `the router reports ${color}'s version as`, reason => logger.warn(reason));
      const url = config.colors?.[color].version;
      if (url) versions[color] = await readVersion(url, { timeoutMs: config.health['request-timeout'], signal: context.signal, warn: reason => logger.warn(reason) });
    }
    const observed = await context.router.observe?.();
    const database = config.database ? await withDatabase(context, 'snapshot', databaseSnapshot) : null;
    const sealed = takeSnapshot({
      service: config.service,
      environment: config.environment,
      takenAt: context.now(),
      source: context.source,
      router: state,
      ...(observed ? { observed } : {}),
      versions,
      database
    });
    const { live_color: live, idle_color: idle } = sealed.snapshot;
    const record: ReleaseRecord = {
      snapshot: sealed,
      phase: 'snapshotted',
      history: [{ step: 'snapshot', at: sealed.snapshot.taken_at, outcome: 'done', detail: `live ${live}, router ${sealed.snapshot.router.digest}` }]
    };
    await context.store.save(record);
    const serialized = serializeSnapshot(sealed);
    if (context.tracker) {
      record.deployment = await context.tracker.created(record, serialized);
      await context.store.save(record);
      logger.info(`release recorded as GitHub deployment ${record.deployment}`);
    }
    logger.info(`router: ${describeRouterState(state)}`);
    logger.info(`live: ${live} (${versions[live] ?? 'version unknown'}), idle: ${idle} (${versions[idle] ?? 'version unknown'})`);
    if (observed) logger.info(`observed: ${Object.entries(observed).map(([name, value]) => `${name} ${String(value)}`).join(', ')}`);
    if (database) logger.info(`database: ${database.engine}, schema version ${database.schema_version ?? 'none'} (${database.applied.expand.length} expanded, ${database.applied.contract.length} contracted)`);
    logger.info(`snapshot ${sealed.digest} written to ${context.store.location}`);
    return {
      'live-color': live,
      'idle-color': idle,
      digest: sealed.digest,
      snapshot: serialized,
      'snapshot-file': context.store.location,
      'deployment-id': record.deployment ? String(record.deployment) : ''
    };
  });
}
