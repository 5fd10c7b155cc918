import path from 'node:path';
import { loadConfig } from '../config/load.js';
import { BadInputError } from '../shared/errors.js';
import { initEvmProxy, INIT_FLAGS } from '../steps/evm-init.js';
import { parseFlags } from './flags.js';
import { terminalLog, terminalSecrets, type Terminal } from './terminal.js';

/** `cutover evm init`: the first proxy of a contract; the release steps take it from there. */
export async function evmCommand(args: readonly string[], terminal: Terminal): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'init') throw new BadInputError(`cutover evm: expected init, got ${JSON.stringify(sub ?? '')}. See cutover evm --help.`);
  const { values } = parseFlags('evm init', rest, {
    config: { type: 'string' },
    call: { type: 'string' },
    args: { type: 'string' },
    owner: { type: 'string' },
    record: { type: 'string' },
    verbose: { type: 'boolean' },
    json: { type: 'boolean' }
  }, false, 'evm');
  if (values.args !== undefined && values.call === undefined) throw new BadInputError(`${INIT_FLAGS.args}: given without ${INIT_FLAGS.call}; pass the initializer's signature with ${INIT_FLAGS.call} "function initialize(...)".`);
  const initializer = values.call === undefined ? null : { call: values.call, args: initializerArgs(values.args) };
  const { config, baseDir } = await loadConfig(values.config ?? 'cutover.yml');
  const secrets = terminalSecrets(terminal);
  const logger = terminalLog(terminal, secrets, values.verbose === true);
  const recordFile = values.record ?? path.join('.cutover', `${config.service}.evm-init.json`);
  const outcome = await initEvmProxy(config, baseDir, { initializer, owner: values.owner, recordFile }, { secrets, logger });
  if (values.json) {
    terminal.out(`${JSON.stringify({ ...outcome, 'record-file': recordFile }, null, 2)}\n`);
    return 0;
  }
  const lines = [
    `proxy: ${outcome.proxy}`,
    `implementation: ${outcome.implementation}`,
    ...(outcome.admin ? [`admin: ${outcome.admin}`] : []),
    ...(outcome.beacon ? [`beacon: ${outcome.beacon}`] : []),
    `upgrader: ${outcome.upgrader}`,
    `record: ${recordFile}`,
    `next: set router.proxy: ${outcome.proxy} in cutover.yml; releases then start with cutover snapshot.`
  ];
  terminal.out(`${lines.join('\n')}\n`);
  return 0;
}

/** --args: a JSON array, so addresses, numbers and strings keep their types without a shell. */
function initializerArgs(text: string | undefined): unknown[] {
  if (text === undefined) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (!Array.isArray(parsed)) throw new BadInputError(`${INIT_FLAGS.args}: expected a JSON array of the initializer's arguments, like '["0x70997970C51812dc3A010C7d01b50e0d17dc79C8", 41]', got ${JSON.stringify(text)}.`);
  return parsed;
}
