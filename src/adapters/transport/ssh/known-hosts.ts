import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { BadInputError, ReleaseError } from '../../../shared/errors.js';

/**
 * known_hosts text as OpenSSH writes it (sshd(8), "SSH_KNOWN_HOSTS FILE
 * FORMAT"), and the decision whether a presented host key is the one it names.
 * There is no trust on first use: a host without a line is refused.
 */

const FIELD = 'router.ssh.known-hosts';

export interface KnownHostLine {
  /** 1-based, for messages. */
  line: number;
  /** `@revoked`: this key is refused for every host, whatever other lines say. */
  revoked: boolean;
  /** Whether the line's host field names `name` (`host`, or `[host]:port` off port 22). */
  names: (name: string) => boolean;
  keyType: string;
  /** The public key blob, as the server sends it during key exchange. */
  key: Buffer;
}

function malformed(line: number, problem: string): BadInputError {
  return new BadInputError(
    `${FIELD}, line ${line}: ${problem}. Each line is "hosts key-type base64-key", as ssh-keyscan prints it.`
  );
}

/** The key type a public key blob carries in its first field, or null when it has none. */
export function keyTypeOf(blob: Buffer): string | null {
  if (blob.length < 4) return null;
  const length = blob.readUInt32BE(0);
  if (length === 0 || length > 64 || blob.length < 4 + length) return null;
  return blob.subarray(4, 4 + length).toString('latin1');
}

/** The fingerprint ssh and ssh-keygen -l print: `SHA256:` and unpadded base64. */
export function fingerprintOf(blob: Buffer): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

function decodeBase64(text: string): Buffer | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text) || text.length % 4 !== 0) return null;
  return Buffer.from(text, 'base64');
}

/** `|1|salt|hmac`: the host name hashed with HMAC-SHA1 under a per-line salt (ssh-keygen -H). */
function hashedMatcher(field: string, line: number): (name: string) => boolean {
  const [empty, magic, saltText, hashText, ...rest] = field.split('|');
  if (empty !== '' || magic !== '1' || rest.length > 0) {
    throw malformed(line, `hashed host ${JSON.stringify(field)} is not in the form |1|salt|hash (OpenSSH knows only hash type 1)`);
  }
  const salt = decodeBase64(saltText ?? '');
  const hash = decodeBase64(hashText ?? '');
  if (salt?.length !== 20 || hash?.length !== 20) {
    throw malformed(line, `hashed host ${JSON.stringify(field)} must carry a 20-byte salt and a 20-byte SHA-1 hash in base64`);
  }
  return name => timingSafeEqual(createHmac('sha1', salt).update(name).digest(), hash);
}

function wildcard(pattern: string): RegExp {
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 'i');
}

/** A comma-separated host list: `*`/`?` wildcards, `[host]:port`, and `!pattern`, which excludes. */
function patternMatcher(field: string, line: number): (name: string) => boolean {
  const include: RegExp[] = [];
  const exclude: RegExp[] = [];
  for (const entry of field.split(',')) {
    const negated = entry.startsWith('!');
    const pattern = negated ? entry.slice(1) : entry;
    if (pattern === '') throw malformed(line, `empty host pattern in ${JSON.stringify(field)}`);
    if (pattern.startsWith('[') && !/^\[[^\]]+\]:[0-9*?]+$/.test(pattern)) {
      throw malformed(line, `host ${JSON.stringify(pattern)} should be written [host]:port`);
    }
    (negated ? exclude : include).push(wildcard(pattern));
  }
  if (include.length === 0) throw malformed(line, `host list ${JSON.stringify(field)} names no host, only exclusions`);
  return name => !exclude.some(re => re.test(name)) && include.some(re => re.test(name));
}

function parseLine(text: string, line: number): KnownHostLine {
  const fields = text.split(/\s+/);
  let revoked = false;
  if (fields[0]?.startsWith('@')) {
    const marker = fields.shift();
    if (marker === '@cert-authority') {
      throw new BadInputError(
        `${FIELD}, line ${line}: @cert-authority (host certificates) is not supported. Give the host's own key instead, as ssh-keyscan prints it.`
      );
    }
    if (marker !== '@revoked') throw malformed(line, `unknown marker ${JSON.stringify(marker)}; OpenSSH knows @revoked and @cert-authority`);
    revoked = true;
  }
  const [hosts, keyType, keyText] = fields;
  if (hosts === undefined || keyType === undefined || keyText === undefined) {
    throw malformed(line, `expected hosts, a key type and a key, found ${fields.length} field${fields.length === 1 ? '' : 's'}`);
  }
  const key = decodeBase64(keyText);
  if (key === null) throw malformed(line, 'the key is not valid base64');
  const embedded = keyTypeOf(key);
  if (embedded !== keyType) {
    throw malformed(line, `the line says ${keyType} but the key ${embedded === null ? 'is not an SSH public key' : `is ${embedded}`}`);
  }
  const names = hosts.startsWith('|') ? hashedMatcher(hosts, line) : patternMatcher(hosts, line);
  return { line, revoked, names, keyType, key };
}

/** Parses known_hosts text; throws a `BadInputError` naming the first malformed line. */
export function parseKnownHosts(text: string): KnownHostLine[] {
  const lines: KnownHostLine[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    lines.push(parseLine(trimmed, index + 1));
  });
  return lines;
}

/** The name known_hosts uses for a host: plain on port 22, `[host]:port` otherwise. */
export function knownHostsName(host: string, port: number): string {
  const lower = host.toLowerCase();
  return port === 22 ? lower : `[${lower}]:${port}`;
}

/**
 * The lines that accept keys for host:port. None is an error: the user must
 * add a line checked out of band, because a key seen for the first time
 * proves nothing about who sent it.
 */
export function linesFor(known: KnownHostLine[], host: string, port: number): KnownHostLine[] {
  const name = knownHostsName(host, port);
  const lines = known.filter(entry => !entry.revoked && entry.names(name));
  if (lines.length === 0) {
    throw new BadInputError(
      `${FIELD} has no line for ${name}, and cutover never trusts a host key on first use. ` +
        `Get the line with \`ssh-keyscan -p ${port} ${host}\`, check that the fingerprint \`ssh-keygen -lf <file with that line>\` shows ` +
        `is the one the host itself reports (on the host: \`ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub\`), then add the line to ${FIELD}.`
    );
  }
  return lines;
}

/**
 * Accepts `presented` for host:port when a line for that host holds exactly
 * this key and no `@revoked` line holds it. Returns the accepting line.
 */
export function checkHostKey(known: KnownHostLine[], host: string, port: number, presented: Buffer): KnownHostLine {
  const shown = `${keyTypeOf(presented) ?? 'unknown type'} ${fingerprintOf(presented)}`;
  const revoked = known.find(entry => entry.revoked && entry.key.equals(presented));
  if (revoked) {
    throw new ReleaseError(
      `${host}:${port} presented the host key ${shown}, which line ${revoked.line} of ${FIELD} marks @revoked; a revoked key is refused even where another line accepts it. Nothing was sent to the host.`
    );
  }
  const lines = linesFor(known, host, port);
  const accepted = lines.find(entry => entry.key.equals(presented));
  if (accepted) return accepted;
  const expected = lines.map(entry => `${entry.keyType} ${fingerprintOf(entry.key)} (line ${entry.line})`).join(', ');
  throw new ReleaseError(
    `${host}:${port} presented the host key ${shown}, but ${FIELD} expects ${expected}. Nothing was sent to the host. ` +
      `If the host's key was changed on purpose, check the new one out of band (\`ssh-keyscan -p ${port} ${host}\` compared with \`ssh-keygen -lf\` run on the host) and replace the line; otherwise someone may be intercepting the connection.`
  );
}
