import type { Color } from '../core/color.js';
import { describeRouterState, type RouterState } from '../core/router-state.js';
import { weightsAllOn } from '../core/weights.js';
import { serverColors, type Config } from '../config/schema.js';
import type { Logger } from '../shared/logging/logger.js';
import type { Router } from '../adapters/routers/router.js';

/** Gives a router its first state, all traffic on `live`. Refuses when the router already has one. */
export async function initRouter(config: Config, router: Router, logger: Logger, live: Color): Promise<RouterState> {
  const state: RouterState = {
    kind: router.kind,
    endpoints: { blue: serverColors(config).blue.upstream, green: serverColors(config).green.upstream },
    weights: weightsAllOn(live),
    settings: {}
  };
  return logger.group('Init router', async () => {
    await router.initialize(state);
    const written = await router.read();
    logger.info(`router initialised: ${describeRouterState(written)}`);
    return written;
  });
}
