import { findPostgresBin, startPostgres as start, type PostgresOptions, type PostgresServer } from '../../src/demo/postgres-server.js';
import { requireServer } from './servers.js';

export type { PostgresServer } from '../../src/demo/postgres-server.js';

export const postgresBin = findPostgresBin();
export const describeWithPostgres = requireServer('postgresql', postgresBin !== null, 'apt-get install postgresql') ? describe : describe.skip;

export function startPostgres(options: PostgresOptions = {}): Promise<PostgresServer> {
  return start(postgresBin as string, options);
}
