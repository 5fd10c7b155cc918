// Steady load from its own worker thread (see load-worker.mjs), so the load generator never shares
// an event loop with the router code the benchmarks measure. Options are those of startLoad in
// src/demo/load.ts, with bounds that always stop it by itself; `stop()` resolves to its LoadReport.
import { Worker } from 'node:worker_threads';

export async function startLoad(options) {
  const worker = new Worker(new URL('./load-worker.mjs', import.meta.url), {
    workerData: { maxRequests: 50_000_000, maxMs: 600_000, ...options }
  });
  // A worker that dies before it reports must fail the bench, not hang it.
  const failed = new Promise((_, reject) => {
    worker.once('error', reject);
    worker.once('exit', code => reject(new Error(`load worker exited with code ${code} before it reported`)));
  });
  failed.catch(() => undefined);
  const next = () => Promise.race([new Promise(resolve => worker.once('message', resolve)), failed]);
  await next();
  return {
    stop: async () => {
      const report = next();
      worker.postMessage('stop');
      const result = await report;
      await worker.terminate();
      return result;
    }
  };
}
