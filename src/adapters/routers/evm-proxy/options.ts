import { z } from 'zod';
import { durationSchema } from '../../../shared/duration.js';
import { secretableSchema } from '../../../shared/secrets.js';
import { PROXY_KINDS } from '../../evm/proxy-kinds.js';

// The form only: the EIP-55 checksum needs keccak, so the router checks it when it loads (addresses.ts),
// and loading cutover.yml needs no chain library.
const addressSchema = z.string({ error: 'expected a 0x-prefixed 20-byte address' }).regex(/^0x[0-9a-fA-F]{40}$/, 'expected a 0x-prefixed 20-byte address: 0x and 40 hex digits')
  .transform(text => text as `0x${string}`);

const buildSchema = z.strictObject({
  /** Foundry's out/ or Hardhat's artifacts/ (their build-info files, with the storage layout), one build-info file, or solc's input and output in one JSON file (src/adapters/evm/build-files.ts). */
  build: z.string().min(1),
  /** `Name` or `path/File.sol:Name`. */
  contract: z.string().min(1)
});

/** A read-only call through the proxy, answered by the new implementation against live state before anything is sent. */
const smokeSchema = z.strictObject({
  call: z.string().regex(/^function\s/, 'expected a human-readable ABI signature, like "function version() view returns (string)"'),
  args: z.array(z.unknown()).default([]),
  expect: z.unknown().optional(),
  from: addressSchema.optional()
});

// Every reader of the job summary sees it in links: a public base URL only, since a query string or user info may carry an API key.
const EXPLORER_URL = 'expected the http:// or https:// base URL of a block explorer, like https://etherscan.io';
const explorerSchema = z
  .string({ error: EXPLORER_URL })
  .superRefine((text, ctx) => {
    const url = URL.canParse(text) ? new URL(text) : null;
    if (url && (url.username || url.password || url.search || url.hash)) {
      ctx.addIssue({
        code: 'custom',
        params: { hideValue: true },
        message: "has a user name, password, query or fragment, which every reader of the job summary would see in its links; give the explorer's public base URL alone, like https://etherscan.io"
      });
    } else if (!url || !['http:', 'https:'].includes(url.protocol) || !url.hostname) {
      ctx.addIssue({ code: 'custom', message: EXPLORER_URL });
    }
  })
  .transform(text => text.replace(/\/+$/, ''));

export const evmProxyOptionsSchema = z
  .strictObject({
    kind: z.literal('evm-proxy'),
    /** JSON-RPC URL; write env:NAME, since provider URLs carry API keys. */
    rpc: secretableSchema,
    /** The chain the release is for; a node on another chain is refused. */
    'chain-id': z.number().int().positive(),
    /** The proxy users call; absent only until `cutover evm init` deployed it. */
    proxy: addressSchema.optional(),
    'proxy-kind': z.enum(PROXY_KINDS),
    /** send: sign and send the upgrade; propose: write it for a Safe's owners to sign, and send nothing. */
    mode: z.enum(['send', 'propose']).default('send'),
    /** The private key that deploys and upgrades (send mode); write env:NAME. */
    signer: secretableSchema.optional(),
    /** propose mode: where the Safe Transaction Builder batch is written, relative to the config file. */
    proposal: z.string().min(1).default('cutover-proposal.json'),
    /** propose mode: the Safe that will execute it, named in the batch. */
    safe: addressSchema.optional(),
    /** The new implementation (the idle color): deployed with CREATE2 from its build, or found at `address`. */
    implementation: buildSchema.extend({
      address: addressSchema.optional(),
      salt: z
        .string()
        .regex(/^0x[0-9a-fA-F]{64}$/, 'expected a 32-byte hex salt, like 0x followed by 64 hex digits')
        .default(`0x${'0'.repeat(64)}`)
    }),
    /** The build of the implementation live now: the reference for the storage-layout check; its code must match what is live. */
    reference: buildSchema,
    /** Run once with the upgrade (upgradeToAndCall data); never again on a rollback or a later roll-forward. */
    initializer: z.strictObject({ call: z.string().regex(/^function\s/, 'expected a human-readable ABI signature, like "function initializeV2(uint256 fee)"'), args: z.array(z.unknown()).default([]) }).optional(),
    smoke: z.array(smokeSchema).default([]),
    /** upgrades-core check kinds to allow, like [constructor]; each is logged. */
    'unsafe-allow': z.array(z.string().min(1)).default([]),
    /** What this release gives up on purpose, with the reason: `no-rollback` accepts an upgrade that rollback cannot undo, and rollback then refuses. */
    allow: z
      .strictObject({
        'no-rollback': z
          .string({ error: 'expected the reason this release gives up the way back, like "V2 hands the upgrade right to the DAO"' })
          .trim()
          .min(1, 'give the reason this release gives up the way back (it is recorded, and rollback says it when it refuses); remove router.allow to keep the way back')
      })
      .optional(),
    /** Blocks on top of the one with a transaction; by default 0 on a dev chain (31337, 1337), else 1 (src/adapters/evm/confirmations.ts). */
    confirmations: z.number().int().min(0).max(64).optional(),
    /** How long a wait may see no new block before the step fails, saying the chain does not mine; by default five of its usual block intervals, at least 10s. */
    'block-stall': durationSchema.optional(),
    /** Wait for this block height before sending the upgrade (a fork or checkpoint to line up with). */
    'at-block': z.number().int().positive().optional(),
    /** How long a sent transaction (deploy or upgrade) may take to be mined and confirmed before the step fails. */
    timeout: durationSchema.default(600_000),
    /** How often the node is polled for receipts and blocks; by default 50ms on a loopback node, 1s elsewhere. */
    'poll-interval': durationSchema.optional(),
    /** A block explorer's base URL, like https://etherscan.io: the job summary links addresses and transactions to it. */
    explorer: explorerSchema.optional()
  })
  .superRefine((options, ctx) => {
    if (options.mode === 'send' && !options.signer) {
      ctx.addIssue({ code: 'custom', path: ['signer'], message: 'send mode signs the upgrade and needs signer: env:NAME (a private key from a secret); or set mode: propose' });
    }
    // Refused here rather than at promote, after a snapshot and a deploy.
    if (options['proxy-kind'] === 'beacon' && options.initializer) {
      ctx.addIssue({
        code: 'custom',
        path: ['initializer'],
        message: 'a beacon upgrade (UpgradeableBeacon.upgradeTo) cannot run an initializer with it; remove router.initializer and call the initializer through the proxy in a separate transaction after promote'
      });
    }
  });

export type EvmProxyOptions = z.output<typeof evmProxyOptionsSchema>;
