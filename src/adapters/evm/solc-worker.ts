import { Worker } from 'node:worker_threads';

// solc-js compiles synchronously for seconds; a worker keeps this process's servers and timers responsive meanwhile.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { createRequire } = require('node:module');
const { readFileSync } = require('node:fs');
const requireFrom = createRequire(workerData.importsFrom);
const solc = require(workerData.solc);
const imported = {};
const output = solc.compile(JSON.stringify(workerData.input), {
  import: p => {
    try {
      const content = readFileSync(requireFrom.resolve(p), 'utf8');
      imported[p] = { content };
      return { contents: content };
    } catch (error) {
      return { error: 'not found: ' + p };
    }
  }
});
parentPort.postMessage({ output, imported, version: solc.version() });
`;

export interface WorkerCompile<Output> {
  output: Output;
  /** Sources the compiler read through imports, by import path. */
  imported: Record<string, { content: string }>;
  /** The compiler's long version, like 0.8.28+commit.7893614a.Emscripten.clang. */
  version: string;
}

/**
 * Compiles standard-JSON `input` with the solc-js module at `solc`, in a worker
 * thread. Imports the input does not carry resolve from node_modules as seen from `importsFrom` (a file URL).
 */
export async function compileInWorker<Output>(solc: string, input: unknown, importsFrom: string): Promise<WorkerCompile<Output>> {
  const result = await new Promise<{ output: string; imported: Record<string, { content: string }>; version: string }>((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { solc, input, importsFrom } });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', code => code !== 0 && reject(new Error(`solc worker exited with code ${code}`)));
  });
  return { output: JSON.parse(result.output) as Output, imported: result.imported, version: result.version };
}

/** The compiler's error messages (warnings left out). */
export function compileErrors(output: { errors?: { severity: string; formattedMessage: string }[] }): string[] {
  return (output.errors ?? []).filter(e => e.severity === 'error').map(e => e.formattedMessage);
}
