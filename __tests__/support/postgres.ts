import { findPostgresBin, startPostgres as start, type PostgresOptions, type PostgresServer } from '../../harness/postgres-server.js';
import { requireServer } from './servers.js';

export type { PostgresServer } from '../../harness/postgres-server.js';

export const postgresBin = findPostgresBin();
export const describeWithPostgres = requireServer('postgresql', postgresBin !== null, 'apt-get install postgresql') ? describe : describe.skip;

export function startPostgres(options: PostgresOptions = {}): Promise<PostgresServer> {
  return start(postgresBin as string, options);
}

export interface SuitePostgres {
  /** The suite's server, started before its first test. */
  server(): PostgresServer;
  /** Registers what to undo after the current test (connections, folders, writers); undone last first, also when the test fails. */
  cleanup(undo: () => Promise<unknown>): void;
}

/** One PostgreSQL server for the tests of the describe block it is called in, stopped after them. */
export function usePostgres(options: PostgresOptions = {}): SuitePostgres {
  let server: PostgresServer | undefined;
  let undos: (() => Promise<unknown>)[] = [];
  beforeAll(async () => {
    server = await startPostgres(options);
  });
  afterAll(() => server?.stop());
  afterEach(async () => {
    const pending = undos.reverse();
    undos = [];
    for (const undo of pending) await undo();
  });
  return {
    server: () => {
      if (!server) throw new Error('usePostgres: the server starts in beforeAll; call server() inside a test or hook');
      return server;
    },
    cleanup: undo => void undos.push(undo)
  };
}
