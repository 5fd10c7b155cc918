import type { PostgresServer } from './postgres.js';

/** One write of a live version's client: a statement and its parameters. */
export interface Write {
  sql: string;
  params?: readonly unknown[];
}

export interface LiveWriters {
  /** Every write that failed, as `<sql>: <message>`: what the version's own clients would have seen. */
  errors: string[];
  /** Writes done so far, by all clients. */
  writes(): number;
  /** Ends every client after its write in flight and closes its connection; calling it again waits for the same. */
  stop(): Promise<void>;
}

/**
 * `clients` clients of the live version, each on its own connection to `database` (application name
 * `<as> <n>`), running the write `next` gives as fast as they can until stopped.
 */
export async function startLiveWriters(server: PostgresServer, database: string, clients: number, next: () => Write, as = 'old version'): Promise<LiveWriters> {
  const connections = await Promise.all(Array.from({ length: clients }, (_, i) => server.connect(database, `${as} ${i + 1}`)));
  let stopped = false;
  let writes = 0;
  const errors: string[] = [];
  const loops = connections.map(async db => {
    while (!stopped) {
      const { sql, params } = next();
      try {
        await db.query(sql, params);
        writes++;
      } catch (error) {
        errors.push(`${sql}: ${(error as Error).message}`);
      }
    }
  });
  let stopping: Promise<void> | undefined;
  return {
    errors,
    writes: () => writes,
    stop: () =>
      (stopping ??= (async () => {
        stopped = true;
        await Promise.all(loops);
        await Promise.all(connections.map(db => db.close()));
      })())
  };
}
