import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';
import { freePort } from '../shared/io/ports.js';
import { poll } from '../shared/io/wait.js';

const ARCH: Record<string, string> = { x64: 'amd64', arm64: 'arm64' };

/**
 * The anvil binary: the one `@foundry-rs/anvil-<platform>-<arch>` brings (an
 * optional dependency, on Linux x64), else the first `anvil` on PATH (foundryup);
 * null when neither exists. The binary is run directly: a Node wrapper whose
 * death would leave anvil running is never in between.
 */
export function findAnvil(): string | null {
  return packagedAnvil() ?? anvilOnPath();
}

function packagedAnvil(): string | null {
  const arch = ARCH[process.arch];
  if (!arch) return null;
  try {
    const require = createRequire(import.meta.url);
    const binary = require.resolve(`@foundry-rs/anvil-${process.platform}-${arch}/bin/${ANVIL_FILE}`);
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

function anvilOnPath(): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, ANVIL_FILE))) return join(dir, ANVIL_FILE);
  }
  return null;
}

const ANVIL_FILE = process.platform === 'win32' ? 'anvil.exe' : 'anvil';

export const ANVIL_INSTALL =
  'install anvil: `npm install --no-save @foundry-rs/anvil` (its platform package holds the binary; do not use --omit=optional), or Foundry\'s foundryup, which puts anvil on PATH';

/** anvil's first funded account (mnemonic "test test ... junk"): a well-known key for local chains only. */
export const ANVIL_KEYS = [
  '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80',
  '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d',
  '0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9ff4e6fa29f4f'
] as const;

export interface AnvilOptions {
  chainId?: number;
  /** Mine a block every this many seconds besides one per transaction; off by default. */
  blockTime?: number;
  binary?: string;
}

export interface LocalAnvil {
  /** JSON-RPC URL, like http://127.0.0.1:8545. */
  url: string;
  chainId: number;
  pid: number;
  /** Raw JSON-RPC, for test-only methods (evm_mine, anvil_setStorageAt). */
  rpc<T = unknown>(method: string, params?: unknown[]): Promise<T>;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 5_000;

/** A throwaway local EVM node on a free loopback port, stopped by PID: for tests and the demo. */
export async function startAnvil(options: AnvilOptions = {}): Promise<LocalAnvil> {
  const binary = options.binary ?? findAnvil();
  if (binary === null) throw new Error(`anvil is not installed: ${ANVIL_INSTALL}`);
  const chainId = options.chainId ?? 31337;
  const port = await freePort();
  const args = ['--host', '127.0.0.1', '--port', String(port), '--chain-id', String(chainId), '--silent'];
  if (options.blockTime) args.push('--block-time', String(options.blockTime));
  const child = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr?.on('data', chunk => (log = (log + String(chunk)).slice(-4000)));
  const exited = new Promise<void>(resolve => child.once('exit', () => resolve()));
  const running = () => child.exitCode === null && child.signalCode === null;
  const url = `http://127.0.0.1:${port}`;
  let id = 0;
  const rpc = async <T>(method: string, params: unknown[] = []): Promise<T> => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: ++id, method, params }),
      signal: AbortSignal.timeout(10_000)
    });
    const body = (await response.json()) as { result?: T; error?: { message: string } };
    if (body.error) throw new Error(`anvil ${method}: ${body.error.message}`);
    return body.result as T;
  };
  const stop = async () => {
    if (!running()) return;
    process.kill(child.pid as number, 'SIGTERM');
    const timer = setTimeout(() => running() && process.kill(child.pid as number, 'SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  };
  const answers = async (): Promise<Error | null> => {
    try {
      await rpc('eth_chainId');
      return null;
    } catch (error) {
      if (!running()) throw new Error(`anvil exited before answering: ${log.trim() || (error as Error).message}`, { cause: error });
      return error as Error;
    }
  };
  await poll(answers, {
    what: 'anvil to answer eth_chainId',
    done: error => error === null,
    timeoutMs: READY_TIMEOUT_MS,
    intervalMs: 25,
    timeoutError: async error => {
      await stop();
      return new Error(`anvil did not answer eth_chainId within ${READY_TIMEOUT_MS} ms: ${(error as Error).message}`, { cause: error });
    }
  });
  return { url, chainId, pid: child.pid as number, rpc, stop };
}
