import { dirname as __cutoverDirname } from 'node:path';
import { fileURLToPath as __cutoverFileUrl } from 'node:url';
const __dirname = __cutoverDirname(__cutoverFileUrl(import.meta.url));
export const id = 440;
export const ids = [440];
export const modules = {

/***/ 62440:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  hostFor: () => (/* binding */ hostFor)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./lib/src/shared/errors.js
var errors = __webpack_require__(8835);
// EXTERNAL MODULE: ./lib/src/adapters/transport/host.js
var transport_host = __webpack_require__(41947);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./lib/src/adapters/transport/ssh/known-hosts.js


/**
 * known_hosts text as OpenSSH writes it (sshd(8), "SSH_KNOWN_HOSTS FILE
 * FORMAT"), and the decision whether a presented host key is the one it names.
 * There is no trust on first use: a host without a line is refused.
 */
const FIELD = 'router.ssh.known-hosts';
function malformed(line, problem) {
    return new errors/* BadInputError */.Ys(`${FIELD}, line ${line}: ${problem}. Each line is "hosts key-type base64-key", as ssh-keyscan prints it.`);
}
/** The key type a public key blob carries in its first field, or null when it has none. */
function keyTypeOf(blob) {
    if (blob.length < 4)
        return null;
    const length = blob.readUInt32BE(0);
    if (length === 0 || length > 64 || blob.length < 4 + length)
        return null;
    return blob.subarray(4, 4 + length).toString('latin1');
}
/** The fingerprint ssh and ssh-keygen -l print: `SHA256:` and unpadded base64. */
function fingerprintOf(blob) {
    return `SHA256:${(0,external_node_crypto_.createHash)('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}
function decodeBase64(text) {
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text) || text.length % 4 !== 0)
        return null;
    return Buffer.from(text, 'base64');
}
/** `|1|salt|hmac`: the host name hashed with HMAC-SHA1 under a per-line salt (ssh-keygen -H). */
function hashedMatcher(field, line) {
    const [empty, magic, saltText, hashText, ...rest] = field.split('|');
    if (empty !== '' || magic !== '1' || rest.length > 0) {
        throw malformed(line, `hashed host ${JSON.stringify(field)} is not in the form |1|salt|hash (OpenSSH knows only hash type 1)`);
    }
    const salt = decodeBase64(saltText ?? '');
    const hash = decodeBase64(hashText ?? '');
    if (salt?.length !== 20 || hash?.length !== 20) {
        throw malformed(line, `hashed host ${JSON.stringify(field)} must carry a 20-byte salt and a 20-byte SHA-1 hash in base64`);
    }
    return name => (0,external_node_crypto_.timingSafeEqual)((0,external_node_crypto_.createHmac)('sha1', salt).update(name).digest(), hash);
}
function wildcard(pattern) {
    const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
    return new RegExp(`^${body}$`, 'i');
}
/** A comma-separated host list: `*`/`?` wildcards, `[host]:port`, and `!pattern`, which excludes. */
function patternMatcher(field, line) {
    const include = [];
    const exclude = [];
    for (const entry of field.split(',')) {
        const negated = entry.startsWith('!');
        const pattern = negated ? entry.slice(1) : entry;
        if (pattern === '')
            throw malformed(line, `empty host pattern in ${JSON.stringify(field)}`);
        if (pattern.startsWith('[') && !/^\[[^\]]+\]:[0-9*?]+$/.test(pattern)) {
            throw malformed(line, `host ${JSON.stringify(pattern)} should be written [host]:port`);
        }
        (negated ? exclude : include).push(wildcard(pattern));
    }
    if (include.length === 0)
        throw malformed(line, `host list ${JSON.stringify(field)} names no host, only exclusions`);
    return name => !exclude.some(re => re.test(name)) && include.some(re => re.test(name));
}
function parseLine(text, line) {
    const fields = text.split(/\s+/);
    let revoked = false;
    if (fields[0]?.startsWith('@')) {
        const marker = fields.shift();
        if (marker === '@cert-authority') {
            throw new errors/* BadInputError */.Ys(`${FIELD}, line ${line}: @cert-authority (host certificates) is not supported. Give the host's own key instead, as ssh-keyscan prints it.`);
        }
        if (marker !== '@revoked')
            throw malformed(line, `unknown marker ${JSON.stringify(marker)}; OpenSSH knows @revoked and @cert-authority`);
        revoked = true;
    }
    const [hosts, keyType, keyText] = fields;
    if (hosts === undefined || keyType === undefined || keyText === undefined) {
        throw malformed(line, `expected hosts, a key type and a key, found ${fields.length} field${fields.length === 1 ? '' : 's'}`);
    }
    const key = decodeBase64(keyText);
    if (key === null)
        throw malformed(line, 'the key is not valid base64');
    const embedded = keyTypeOf(key);
    if (embedded !== keyType) {
        throw malformed(line, `the line says ${keyType} but the key ${embedded === null ? 'is not an SSH public key' : `is ${embedded}`}`);
    }
    const names = hosts.startsWith('|') ? hashedMatcher(hosts, line) : patternMatcher(hosts, line);
    return { line, revoked, names, keyType, key };
}
/** Parses known_hosts text; throws a `BadInputError` naming the first malformed line. */
function parseKnownHosts(text) {
    const lines = [];
    text.split(/\r?\n/).forEach((raw, index) => {
        const trimmed = raw.trim();
        if (trimmed === '' || trimmed.startsWith('#'))
            return;
        lines.push(parseLine(trimmed, index + 1));
    });
    return lines;
}
/** The name known_hosts uses for a host: plain on port 22, `[host]:port` otherwise. */
function knownHostsName(host, port) {
    const lower = host.toLowerCase();
    return port === 22 ? lower : `[${lower}]:${port}`;
}
/**
 * The lines that accept keys for host:port. None is an error: the user must
 * add a line checked out of band, because a key seen for the first time
 * proves nothing about who sent it.
 */
function linesFor(known, host, port) {
    const name = knownHostsName(host, port);
    const lines = known.filter(entry => !entry.revoked && entry.names(name));
    if (lines.length === 0) {
        throw new errors/* BadInputError */.Ys(`${FIELD} has no line for ${name}, and cutover never trusts a host key on first use. ` +
            `Get the line with \`ssh-keyscan -p ${port} ${host}\`, check that the fingerprint \`ssh-keygen -lf <file with that line>\` shows ` +
            `is the one the host itself reports (on the host: \`ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub\`), then add the line to ${FIELD}.`);
    }
    return lines;
}
/**
 * Accepts `presented` for host:port when a line for that host holds exactly
 * this key and no `@revoked` line holds it. Returns the accepting line.
 */
function checkHostKey(known, host, port, presented) {
    const shown = `${keyTypeOf(presented) ?? 'unknown type'} ${fingerprintOf(presented)}`;
    const revoked = known.find(entry => entry.revoked && entry.key.equals(presented));
    if (revoked) {
        throw new errors/* ReleaseError */.K2(`${host}:${port} presented the host key ${shown}, which line ${revoked.line} of ${FIELD} marks @revoked; a revoked key is refused even where another line accepts it. Nothing was sent to the host.`);
    }
    const lines = linesFor(known, host, port);
    const accepted = lines.find(entry => entry.key.equals(presented));
    if (accepted)
        return accepted;
    const expected = lines.map(entry => `${entry.keyType} ${fingerprintOf(entry.key)} (line ${entry.line})`).join(', ');
    throw new errors/* ReleaseError */.K2(`${host}:${port} presented the host key ${shown}, but ${FIELD} expects ${expected}. Nothing was sent to the host. ` +
        `If the host's key was changed on purpose, check the new one out of band (\`ssh-keyscan -p ${port} ${host}\` compared with \`ssh-keygen -lf\` run on the host) and replace the line; otherwise someone may be intercepting the connection.`);
}

// EXTERNAL MODULE: ./lib/src/shared/io/files.js
var files = __webpack_require__(28020);
// EXTERNAL MODULE: ./node_modules/ssh2/lib/index.js
var lib = __webpack_require__(85472);
;// CONCATENATED MODULE: ./lib/src/adapters/transport/ssh/sftp-files.js





/** A failed SFTP request, with the server's status code (see ssh2.utils.sftp.STATUS_CODE). */
class SftpError extends errors/* ReleaseError */.K2 {
    status;
    constructor(message, status) {
        super(message);
        this.status = status;
        this.name = 'SftpError';
    }
}
/** How long requests on each session may wait for the host's answer; see answerWithin. */
const answerLimits = new WeakMap();
/**
 * Bounds every request on `sftp`: one the host leaves unanswered for `ms`
 * fails, and the session is ended, so that the next call opens a fresh one
 * instead of queueing behind a request that will never be answered.
 */
function answerWithin(sftp, ms) {
    answerLimits.set(sftp, ms);
    return sftp;
}
/** An SFTP request on `sftp` as a promise; a failure names the host, what was being done and the server's reason. */
function sftpRequest(sftp, what, start) {
    return new Promise((resolve, reject) => {
        const limitMs = answerLimits.get(sftp);
        let settled = false;
        const timer = limitMs === undefined
            ? undefined
            : setTimeout(() => {
                settled = true;
                sftp.end();
                reject(new SftpError(`${what}: no answer from the host within ${limitMs}ms (router.ssh.connect-timeout)`, undefined));
            }, limitMs);
        start((error, value) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            if (error)
                reject(new SftpError(`${what}: ${error.message}`, error.code));
            else
                resolve(value);
        });
    });
}
function isMissing(error) {
    return error instanceof SftpError && error.status === lib.utils.sftp.STATUS_CODE.NO_SUCH_FILE;
}
/** Far more than any file a router keeps; a larger one is not the file cutover wrote, and is not read into memory. */
const REMOTE_FILE_MAX = 16 * 1024 * 1024;
async function readRemote(sftp, file, host) {
    try {
        const what = `cannot read ${file} on ${host}`;
        const { size } = await sftpRequest(sftp, what, done => sftp.stat(file, done));
        if (size > REMOTE_FILE_MAX) {
            throw new errors/* ReleaseError */.K2(`${what}: it is ${size} bytes, more than the ${REMOTE_FILE_MAX} a file cutover reads can be. Check that the setting names the right file.`);
        }
        const content = await sftpRequest(sftp, what, done => sftp.readFile(file, done));
        return content.toString('utf8');
    }
    catch (error) {
        if (isMissing(error))
            return null;
        throw error;
    }
}
async function removeRemote(sftp, file, host) {
    try {
        await sftpRequest(sftp, `cannot remove ${file} on ${host}`, done => sftp.unlink(file, done));
    }
    catch (error) {
        if (!isMissing(error))
            throw error;
    }
}
function statRemote(sftp, file, host) {
    return sftpRequest(sftp, `cannot read the attributes of ${file} on ${host}`, done => sftp.stat(file, done));
}
/** Creates `file` with `content` only if it does not exist yet; false when it does. */
async function createExclusive(sftp, file, content, mode, host) {
    let handle;
    try {
        handle = await sftpRequest(sftp, `cannot create ${file} on ${host}`, done => sftp.open(file, 'wx', { mode }, done));
    }
    catch (error) {
        // SFTP reports an existing file only as a generic failure; look for it.
        const exists = await statRemote(sftp, file, host).then(() => true, () => false);
        if (exists)
            return false;
        throw error;
    }
    await writeAndClose(sftp, handle, Buffer.from(content, 'utf8'), file, host);
    return true;
}
async function writeAndClose(sftp, handle, data, file, host) {
    try {
        await sftpRequest(sftp, `cannot write ${file} on ${host}`, done => sftp.write(handle, data, 0, data.length, 0, done));
        await sftpRequest(sftp, `cannot sync ${file} on ${host}`, done => {
            try {
                sftp.ext_openssh_fsync(handle, error => done(error, undefined));
            }
            catch {
                // ssh2 throws at once when the server does not offer fsync@openssh.com; the rename still is atomic.
                done(undefined, undefined);
            }
        });
    }
    finally {
        await sftpRequest(sftp, `cannot close ${file} on ${host}`, done => sftp.close(handle, done));
    }
}
/**
 * Moves `from` over `to` in one step. Plain SFTP rename refuses an existing
 * target, so this uses OpenSSH's posix-rename extension when it is offered.
 */
function replace(sftp, from, to, host) {
    return sftpRequest(sftp, `cannot move ${from} to ${to} on ${host}`, done => {
        try {
            sftp.ext_openssh_rename(from, to, done);
        }
        catch {
            // ssh2 throws at once when the server does not offer posix-rename@openssh.com.
            sftp.rename(from, to, error => done(error && new Error(`${error.message} (the SFTP server does not offer posix-rename@openssh.com, so an existing file cannot be replaced in one step)`)));
        }
    });
}
async function removeTree(sftp, dir, host) {
    const entries = await sftpRequest(sftp, `cannot list ${dir} on ${host}`, done => sftp.readdir(dir, done)).catch(error => {
        if (isMissing(error))
            return null;
        throw error;
    });
    if (entries === null)
        return;
    for (const entry of entries) {
        const child = external_node_path_.posix.join(dir, entry.filename);
        // readdir reports links as links: a link is removed, never followed.
        if (entry.attrs.isDirectory())
            await removeTree(sftp, child, host);
        else
            await removeRemote(sftp, child, host);
    }
    await sftpRequest(sftp, `cannot remove ${dir} on ${host}`, done => sftp.rmdir(dir, done));
}
function sftpFiles(sftp, host) {
    return {
        readFile: async (file) => readRemote(await sftp(), file, host),
        async writeFileAtomic(file, content) {
            const session = await sftp();
            const temp = (0,files/* tempFileFor */.G2)(file, external_node_path_.posix);
            // An existing file keeps its mode; a new one is readable by the router's user.
            const mode = await statRemote(session, file, host).then(stats => stats.mode & 0o777, () => 0o644);
            const handle = await sftpRequest(session, `cannot create ${temp} on ${host}`, done => session.open(temp, 'wx', { mode }, done));
            try {
                await writeAndClose(session, handle, Buffer.from(content, 'utf8'), temp, host);
                await replace(session, temp, file, host);
            }
            catch (error) {
                await removeRemote(session, temp, host);
                throw error;
            }
        },
        removeFile: async (file) => removeRemote(await sftp(), file, host),
        async scratchDir() {
            const session = await sftp();
            const dir = `/tmp/cutover-${(0,external_node_crypto_.randomBytes)(12).toString('hex')}`;
            // mkdir never follows or reuses an existing path, and 0700 keeps other users out.
            await sftpRequest(session, `cannot create ${dir} on ${host}`, done => session.mkdir(dir, { mode: 0o700 }, done));
            return { dir, remove: async () => removeTree(await sftp(), dir, host) };
        }
    };
}

;// CONCATENATED MODULE: ./lib/src/adapters/transport/ssh/connection.js



/** Host key algorithms in ssh2's order of preference, without SHA-1 ssh-rsa and DSA. */
const HOST_KEY_ALGORITHMS = [
    { algorithm: 'ssh-ed25519', keyType: 'ssh-ed25519' },
    { algorithm: 'ecdsa-sha2-nistp256', keyType: 'ecdsa-sha2-nistp256' },
    { algorithm: 'ecdsa-sha2-nistp384', keyType: 'ecdsa-sha2-nistp384' },
    { algorithm: 'ecdsa-sha2-nistp521', keyType: 'ecdsa-sha2-nistp521' },
    { algorithm: 'rsa-sha2-512', keyType: 'ssh-rsa' },
    { algorithm: 'rsa-sha2-256', keyType: 'ssh-rsa' }
];
/**
 * Asks first for the key types known_hosts lists, as ssh does: a host with
 * several keys then presents the one that can be checked.
 */
function hostKeyAlgorithms(lines) {
    const known = new Set(lines.map(line => line.keyType));
    const first = HOST_KEY_ALGORITHMS.filter(entry => known.has(entry.keyType));
    const rest = HOST_KEY_ALGORITHMS.filter(entry => !known.has(entry.keyType));
    return [...first, ...rest].map(entry => entry.algorithm);
}
/** Turns ssh2's wording into what the reader can act on; never includes the key. */
function connectError(error, name, login) {
    if (/Timed out while waiting for handshake/.test(error.message)) {
        return new errors/* ReleaseError */.K2(`cannot connect to ${name}: no SSH handshake within ${login.connectTimeoutMs}ms (router.ssh.connect-timeout). Check the host and port, and that sshd answers there.`);
    }
    if (/authentication methods failed/.test(error.message)) {
        return new errors/* ReleaseError */.K2(`cannot log in to ${name}: the host refused the key in router.ssh.key for user ${login.user}. Add its public key to that user's authorized_keys on the host.`);
    }
    return new errors/* ReleaseError */.K2(`cannot connect to ${name}: ${error.message}`);
}
/**
 * One SSH connection, opened on first use and shared by every call after it.
 * The host key is checked against known_hosts during key exchange, before the
 * client authenticates: a refused key ends the connection before anything runs.
 */
function sshConnection(name, login, logger) {
    let live = null;
    function open(onClose) {
        const settings = login();
        const accepting = linesFor(settings.knownHosts, settings.host, settings.port);
        const parsed = lib.utils.parseKey(settings.privateKey, settings.passphrase);
        if (parsed instanceof Error) {
            throw new errors/* BadInputError */.Ys(`router.ssh.key: cannot read the private key (${parsed.message}). Give the whole key file, OpenSSH or PEM, and router.ssh.passphrase if it is encrypted.`);
        }
        return new Promise((resolve, reject) => {
            const client = new lib.Client();
            let refusal = null;
            let ready = false;
            client.on('ready', () => {
                ready = true;
                resolve(client);
            });
            client.on('error', error => {
                if (!ready)
                    reject(refusal ?? connectError(error, name, settings));
                else
                    logger.debug(`${name}: ${error.message}`);
            });
            client.on('close', () => {
                onClose();
                if (!ready)
                    reject(refusal ?? new errors/* ReleaseError */.K2(`cannot connect to ${name}: the connection closed during the handshake.`));
            });
            client.connect({
                host: settings.host,
                port: settings.port,
                username: settings.user,
                privateKey: settings.privateKey,
                passphrase: settings.passphrase,
                readyTimeout: settings.connectTimeoutMs,
                // Notices a host that went away during a long drain, instead of hanging.
                keepaliveInterval: 15_000,
                algorithms: { serverHostKey: hostKeyAlgorithms(accepting) },
                hostVerifier: (key) => {
                    try {
                        const line = checkHostKey(settings.knownHosts, settings.host, settings.port, key);
                        logger.debug(`${name}: host key ${fingerprintOf(key)} matches line ${line.line} of router.ssh.known-hosts`);
                        return true;
                    }
                    catch (error) {
                        refusal = error;
                        return false;
                    }
                }
            });
        });
    }
    function connection() {
        if (live !== null)
            return live;
        let markClosed = () => { };
        const entry = {
            // Settings are resolved here, on first use; a throw becomes this attempt's rejection.
            client: Promise.resolve().then(() => open(() => {
                if (live === entry)
                    live = null;
                markClosed();
            })),
            closed: new Promise(resolve => (markClosed = resolve)),
            sftp: null
        };
        live = entry;
        // A failed attempt is forgotten, so the next call tries again.
        entry.client.catch(() => {
            if (live === entry)
                live = null;
        });
        return entry;
    }
    function startSftp(entry) {
        return entry.client.then(client => new Promise((resolve, reject) => {
            client.sftp((error, sftp) => {
                if (error) {
                    entry.sftp = null;
                    reject(new errors/* ReleaseError */.K2(`${name}: cannot start SFTP (${error.message}). The host's sshd must offer the sftp subsystem.`));
                    return;
                }
                sftp.on('close', () => {
                    entry.sftp = null;
                });
                resolve(sftp);
            });
        }));
    }
    return {
        client: () => connection().client,
        sftp() {
            const entry = connection();
            entry.sftp ??= startSftp(entry);
            return entry.sftp;
        },
        async close() {
            const entry = live;
            live = null;
            if (entry === null)
                return;
            const client = await entry.client.catch(() => null);
            if (client === null)
                return;
            client.end();
            await entry.closed;
        }
    };
}

// EXTERNAL MODULE: ./lib/src/shared/io/command.js
var io_command = __webpack_require__(2330);
;// CONCATENATED MODULE: ./lib/src/adapters/transport/remote-command.js

/**
 * SSH carries one command string, which the remote user's login shell parses.
 * This is the one place where an argument list becomes that string: every
 * element is single-quoted, so the shell reads each back as one literal word.
 */
/** POSIX single quotes: nothing inside is special, and `'` is written `'\''`. */
function shellQuote(word) {
    return `'${word.replace(/'/g, `'\\''`)}'`;
}
/** The first line the wrapper writes to stderr: the process id of the command, so a timeout can stop it. */
const PID_LINE = /^cutover-pid (\d+)$/;
const REPORT_PID = 'echo "cutover-pid $$" >&2';
/**
 * The lifeline: sshd closes the channel's stdin when cutover's connection ends, and also once the
 * command has ended and been reaped. So the end of stdin while the command is still alive means cutover
 * died (or its network did) while it ran: the watcher stops the command's process group, TERM then KILL,
 * as a local command's supervisor does. It ignores TERM itself to live to send the KILL.
 */
const LIFELINE = `exec 3<&0; { trap '' TERM; cat <&3 >/dev/null; kill -0 "$$" && { kill -s TERM -- "-$$" || kill -s TERM "$$"; sleep 5; kill -s KILL -- "-$$" || kill -s KILL "$$"; }; } </dev/null >/dev/null 2>&1 &`;
/**
 * `exec` keeps the reported pid the command's, and stdin is /dev/null as for a
 * local command. The redirection sits inside the script so that the login
 * shell sees one plain command and execs it: the pid is then the session's
 * process group. `--` keeps a folder named like an option a folder.
 */
const RUN = `${REPORT_PID} && ${LIFELINE} exec "$@" </dev/null 3<&-`;
const RUN_IN_FOLDER = `${REPORT_PID} && cd -- "$1" && shift && ${LIFELINE} exec "$@" </dev/null 3<&-`;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/**
 * Variables that describe this machine, not the remote one. An `env` holding
 * them was built from this process's whole environment, which must not be
 * copied to another host (it holds tokens).
 */
const LOCAL_ONLY = ['PATH', 'HOME'];
function refuseNul(field, what, value) {
    if (value.includes('\0')) {
        throw new errors/* BadInputError */.Ys(`${field}: ${what} ${JSON.stringify(value)} contains a NUL byte, which no program can receive as an argument. Remove it.`);
    }
}
function envWords(field, program, given) {
    const env = Object.entries(given ?? {}).filter((entry) => entry[1] !== undefined);
    if (env.length === 0)
        return [];
    const local = env.find(([name]) => LOCAL_ONLY.includes(name));
    if (local) {
        throw new errors/* BadInputError */.Ys(`${field}: the environment for a command on a remote host sets ${local[0]}, which belongs to this machine. Pass only the variables the remote command needs; give programs by full path instead of changing PATH.`);
    }
    for (const [name, value] of env) {
        if (!NAME.test(name))
            throw new errors/* BadInputError */.Ys(`${field}: ${JSON.stringify(name)} is not a variable name; use letters, digits and _.`);
        refuseNul(field, `variable ${name}`, value);
    }
    if (program.includes('=')) {
        throw new errors/* BadInputError */.Ys(`${field}: the program ${JSON.stringify(program)} contains "=", which env would read as a variable. Give the program's path.`);
    }
    return ['env', '--', ...env.map(([name, value]) => `${name}=${value}`)];
}
/**
 * The command string for `argv` with `options.env` and `options.cwd`:
 * `sh -c '<report pid> && cd -- "$1" && shift && exec "$@"' sh DIR env -- NAME=value ... argv...`,
 * each word quoted.
 */
function remoteCommand(argv, options) {
    const { field, cwd } = options;
    const [program] = argv;
    if (program === undefined)
        throw new errors/* BadInputError */.Ys(`${field}: empty command. Give the program and its arguments as a list.`);
    argv.forEach((word, index) => refuseNul(field, `argument ${index}`, word));
    if (cwd !== undefined)
        refuseNul(field, 'working folder', cwd);
    const words = [
        ...(cwd === undefined ? ['sh', '-c', RUN, 'sh'] : ['sh', '-c', RUN_IN_FOLDER, 'sh', cwd]),
        ...envWords(field, program, options.env),
        ...argv
    ];
    return words.map(shellQuote).join(' ');
}
/** Stops the process group of a command started by `remoteCommand` (or the process alone, if it leads no group). */
function stopCommand(pid, signal) {
    return remoteCommand(['sh', '-c', 'kill -s "$1" -- "-$2" 2>/dev/null || kill -s "$1" "$2"', 'sh', signal, String(pid)], { field: 'stop' });
}

;// CONCATENATED MODULE: ./lib/src/adapters/transport/ssh/exec.js



/**
 * Collects a stream's text and hands out whole lines as they arrive. Lines
 * `skip` claims are kept out of both; `flush` gives the last partial line.
 */
function relay(stream, name, out, onLine, skip = () => false) {
    const lines = (0,io_command/* lineSplitter */.s1)((line, complete) => {
        if (skip(line))
            return;
        // Kept up to OUTPUT_MAX, as for a local command; every line still reaches onLine.
        if (out[name].length < io_command/* OUTPUT_MAX */.Vq)
            out[name] += (complete ? `${line}\n` : line).slice(0, io_command/* OUTPUT_MAX */.Vq - out[name].length);
        onLine?.(line, name);
    });
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => lines.push(chunk));
    return () => lines.flush();
}
/**
 * Starts `command` on an exec channel, or fails once the host has not
 * confirmed it within `answerMs`. A channel confirmed later is closed at once.
 */
function openExec(client, command, answerMs) {
    return new Promise((resolve, reject) => {
        let late = false;
        const timer = setTimeout(() => {
            late = true;
            reject(new Error(`the host did not start it within ${answerMs}ms`));
        }, answerMs);
        client.exec(command, (error, channel) => {
            clearTimeout(timer);
            if (late)
                channel?.close();
            else if (error)
                reject(error);
            else
                resolve(channel);
        });
    });
}
function refuseSecrets(remote, field, env) {
    const secret = Object.entries(env ?? {}).find(([, value]) => value !== undefined && remote.secrets.redact(value) !== value);
    if (secret !== undefined) {
        throw new errors/* BadInputError */.Ys(`${field}: the variable ${secret[0]} holds a secret, and variables for a remote command travel in its command line, which other users of ${remote.host} can read. Keep the secret on the host instead.`);
    }
}
/**
 * Runs `argv` on the host over an SSH exec channel, with the semantics of a
 * local `runCommand`: a finished command resolves with its exit code and
 * output; a timeout stops the remote process group (TERM, then KILL) and
 * rejects naming `options.field`. Connecting and starting the command are
 * bounded apart, by router.ssh.connect-timeout.
 */
async function runRemote(remote, argv, options) {
    const { field } = options;
    refuseSecrets(remote, field, options.env);
    const command = remoteCommand(argv, { field, env: options.env, cwd: options.cwd });
    const program = JSON.stringify(argv[0]);
    if (options.cwd !== undefined && !(await remote.isFolder(options.cwd))) {
        throw new errors/* BadInputError */.Ys(`${field}: the working folder ${options.cwd} is not a folder that can be read on ${remote.host}. Create it or change the folder.`);
    }
    const client = await remote.client();
    const channel = await openExec(client, command, remote.answerMs).catch((error) => {
        throw new errors/* ReleaseError */.K2(`${field}: could not start ${program} on ${remote.host}: ${error.message}`);
    });
    // sshd refuses SSH "signal" requests for root logins, so a timeout stops the command by its pid, over a second channel.
    let pid = null;
    const stop = (signal) => {
        if (pid === null)
            return channel.signal(signal);
        openExec(client, stopCommand(pid, signal), remote.answerMs).then(killer => killer.resume().stderr.resume(), () => channel.signal(signal));
    };
    const claimPid = (line) => {
        const match = pid === null ? PID_LINE.exec(line) : null;
        if (match)
            pid = Number(match[1]);
        return match !== null;
    };
    return new Promise((resolve, reject) => {
        const out = { code: 0, stdout: '', stderr: '' };
        const flushes = [relay(channel, 'stdout', out, options.onLine), relay(channel.stderr, 'stderr', out, options.onLine, claimPid)];
        const timers = [];
        let exit = null;
        let timedOut = false;
        let settled = false;
        const settle = () => {
            if (settled)
                return;
            settled = true;
            timers.forEach(clearTimeout);
            flushes.forEach(flush => flush());
            if (timedOut) {
                const fate = exit ? 'was stopped' : `its channel was closed, but ${remote.host} did not report it stopped`;
                reject(new errors/* ReleaseError */.K2(`${field}: ${program} did not finish within ${options.timeoutMs}ms on ${remote.host} and ${fate}.`));
            }
            else if (exit === null) {
                reject(new errors/* ReleaseError */.K2(`${field}: the connection to ${remote.host} ended while ${program} ran; whether it finished is unknown.`));
            }
            else {
                resolve({ ...out, code: exit.code ?? (exit.signal ? 128 : 1) });
            }
        };
        if (options.timeoutMs !== undefined) {
            timers.push(setTimeout(() => {
                timedOut = true;
                stop('TERM');
                timers.push(setTimeout(() => {
                    stop('KILL');
                    channel.close();
                    // A server that never confirms the close must not hold the caller forever.
                    timers.push(setTimeout(settle, io_command/* DRAIN_MS */.sc));
                }, io_command/* KILL_GRACE_MS */.fO));
            }, options.timeoutMs));
        }
        channel.on('exit', (code, signal) => {
            exit = { code, signal };
            // A background process started by the command may hold its output open; stop waiting after a moment.
            timers.push(setTimeout(() => channel.close(), io_command/* DRAIN_MS */.sc));
        });
        channel.on('close', settle);
    });
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: ./lib/src/shared/io/processes.js
var processes = __webpack_require__(7986);
;// CONCATENATED MODULE: ./lib/src/adapters/transport/ssh/lock.js





/** Who holds a lock, for the message; null when that holder is known to be gone. */
function liveOwner(content) {
    const match = /^(\S+) (\d+)$/.exec(content.trim());
    if (!match)
        return `an unknown holder (the lock file holds ${JSON.stringify(content.trim().slice(0, 80))}, not "<machine> <pid>")`;
    const machine = match[1];
    const pid = Number(match[2]);
    // Only this machine's processes can be checked; a lock from elsewhere is assumed held.
    if (machine !== (0,external_node_os_.hostname)())
        return `pid ${pid} on machine ${machine}, which cannot be checked from here`;
    return (0,processes/* isAlive */._n)(pid) ? `pid ${pid} on this machine` : null;
}
/**
 * An exclusive lock beside `file` on the remote host: `lockFileFor(file)`,
 * created only if absent and holding `<machine> <pid>` of this process. A lock
 * left by a process of this machine that no longer exists is taken over.
 */
async function lockRemote(session, file, host) {
    const lockFile = (0,transport_host/* lockFileFor */.fY)(file);
    const sftp = await session();
    for (;;) {
        if (await createExclusive(sftp, lockFile, `${(0,external_node_os_.hostname)()} ${process.pid}\n`, 0o600, host)) {
            // A fresh session: the connection may have been replaced while the lock was held.
            return async () => removeRemote(await session(), lockFile, host);
        }
        const content = await readRemote(sftp, lockFile, host);
        // Released between the two requests: try again.
        if (content === null)
            continue;
        const owner = liveOwner(content);
        if (owner !== null) {
            throw new errors/* ReleaseError */.K2(`${file} on ${host} is being changed by another cutover run (${owner}); nothing was changed. Wait for it to finish, or, if no cutover run is changing it, remove ${lockFile} on that host.`);
        }
        // The owner is gone (killed mid-switch): its lock protects nothing.
        await removeRemote(sftp, lockFile, host);
    }
}

;// CONCATENATED MODULE: ./lib/src/adapters/transport/ssh/host.js







/** Resolves `router.ssh` on first use; the key and passphrase are masked wherever cutover prints. */
function loginFrom(options, secrets) {
    const privateKey = secrets.resolve('router.ssh.key', options.key);
    // A key written literally is as secret as one from the environment.
    secrets.add(privateKey);
    const passphrase = options.passphrase === undefined ? undefined : secrets.resolve('router.ssh.passphrase', options.passphrase);
    if (passphrase !== undefined)
        secrets.add(passphrase);
    return {
        host: options.host,
        port: options.port,
        user: options.user,
        privateKey,
        passphrase,
        knownHosts: parseKnownHosts(secrets.resolve('router.ssh.known-hosts', options['known-hosts'])),
        connectTimeoutMs: options['connect-timeout']
    };
}
/** A stream to `target` as the host sees it: TCP through direct-tcpip, a UNIX socket through OpenSSH's streamlocal. */
function forward(client, target, timeoutMs, host) {
    const failure = (reason) => {
        const allow = 'path' in target ? 'AllowStreamLocalForwarding' : 'AllowTcpForwarding';
        const hint = /prohibited/i.test(reason) ? ` The host's sshd must allow it: ${allow} yes.` : '';
        return new errors/* ReleaseError */.K2(`cannot connect to ${(0,transport_host/* describeTarget */.ff)(target)} on ${host}: ${reason}.${hint}`);
    };
    return new Promise((resolve, reject) => {
        let settled = false;
        const timer = setTimeout(() => {
            settled = true;
            reject(failure(`no connection within ${timeoutMs}ms`));
        }, timeoutMs);
        const done = (error, channel) => {
            clearTimeout(timer);
            if (settled) {
                channel?.destroy();
                return;
            }
            settled = true;
            if (error)
                reject(failure(error.message));
            else
                resolve(channel);
        };
        if ('path' in target)
            client.openssh_forwardOutStreamLocal(target.path, done);
        else
            client.forwardOut('127.0.0.1', 0, target.host, target.port, done);
    });
}
/**
 * The router's host reached over SSH: files over SFTP, commands over exec
 * channels with quoted argv, sockets over forwarding. One connection, opened
 * on first use, after the host key matched `router.ssh.known-hosts`.
 */
function createSshHost(options, context) {
    const address = options.host.includes(':') ? `[${options.host}]` : options.host;
    const name = `ssh ${options.user}@${address}:${options.port}`;
    const connection = sshConnection(name, () => loginFrom(options, context.secrets), context.logger);
    // connect-timeout also bounds each answer the host owes later: an SFTP reply, starting a command.
    const answerMs = options['connect-timeout'];
    const sftp = async () => answerWithin(await connection.sftp(), answerMs);
    const remote = {
        client: connection.client,
        host: name,
        secrets: context.secrets,
        answerMs,
        isFolder: async (dir) => statRemote(await sftp(), dir, name).then(stats => stats.isDirectory(), () => false)
    };
    return {
        name,
        ...sftpFiles(sftp, name),
        run: (argv, runOptions) => runRemote(remote, argv, runOptions),
        lock: file => lockRemote(sftp, file, name),
        connect: async (target, timeoutMs) => forward(await connection.client(), target, timeoutMs, name),
        close: connection.close
    };
}

;// CONCATENATED MODULE: ./lib/src/adapters/transport/host-for.js




/**
 * The machine a router kind drives: this one, or the host `router.ssh` names.
 * On a remote host the listed path settings must be absolute, since the
 * config's folder does not exist there to resolve them from.
 */
function hostFor(options, paths, context) {
    if (!options.ssh)
        return transport_host/* localHost */.Ob;
    for (const [field, value] of Object.entries(paths)) {
        if (value !== undefined && !external_node_path_.posix.isAbsolute(value)) {
            throw new errors/* BadInputError */.Ys(`router.${field}: ${JSON.stringify(value)} is a relative path, but the router is on ${options.ssh.host} over SSH, where there is no config folder to start from. Give the absolute path on that host.`);
        }
    }
    return createSshHost(options.ssh, context);
}


/***/ })

};
