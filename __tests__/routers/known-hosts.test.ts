import { BadInputError, ReleaseError } from '../../src/shared/errors.js';
import { checkHostKey, fingerprintOf, keyTypeOf, linesFor, parseKnownHosts } from '../../src/adapters/transport/ssh/known-hosts.js';

// Real keys, with the fingerprints `ssh-keygen -lf` printed for them and a file `ssh-keygen -H` hashed.
const ED25519 = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKNFnfhFt5xMZcijJwYH68+nn6TvHJ8jSMLRKpfcETHt';
const ED25519_FINGERPRINT = 'SHA256:sAO9jEqmPquegoYxPajg0K4mCKf+xKJBHefrSDUmyfs';
const ECDSA =
  'ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBGzMRlBLhoTrzaEguAJUE6hojN9lfrWUChTfH6dJNbMJ9jwn3R0cddyw5tXODnzLlcIgL2wx3Jqq/7OM7T1yqfI=';
const ECDSA_FINGERPRINT = 'SHA256:U7LPMPUEQju7hzttPZxrafCRonphafJgw0nR/TKBPLc';
/** `lb1.example.com` and `[lb1.example.com]:2222`, both with the ED25519 key, after ssh-keygen -H. */
const HASHED = `|1|etsGNjBOQYsVTqwSgCVgWjSS0dA=|+ABVcJ75U9NNolc2K//8Ha6eml8= ${ED25519}
|1|OS4rPsAE8o60MjaqTqP48Jh/6ww=|wc+2ShTAtBfRXnIheAmKaJzrmKU= ${ED25519}
`;

const blob = (line: string) => Buffer.from(line.split(' ')[1] as string, 'base64');
const ed25519 = blob(ED25519);
const ecdsa = blob(ECDSA);

/** Whether `text` accepts `key` for host:port; the refusal's message otherwise. */
function verdict(text: string, host: string, port: number, key = ed25519): true | string {
  try {
    checkHostKey(parseKnownHosts(text), host, port, key);
    return true;
  } catch (error) {
    return (error as Error).message;
  }
}

describe('known_hosts', () => {
  it('reads the key type and the SHA256 fingerprint as ssh-keygen -l prints them', () => {
    expect(keyTypeOf(ed25519)).toBe('ssh-ed25519');
    expect(keyTypeOf(ecdsa)).toBe('ecdsa-sha2-nistp256');
    expect(fingerprintOf(ed25519)).toBe(ED25519_FINGERPRINT);
    expect(fingerprintOf(ecdsa)).toBe(ECDSA_FINGERPRINT);
  });

  it('accepts the key listed for a host, case-insensitively, and for every host of a list', () => {
    const text = `lb1.example.com,10.0.0.5 ${ED25519}\n`;
    expect(verdict(text, 'lb1.example.com', 22)).toBe(true);
    expect(verdict(text, 'LB1.Example.COM', 22)).toBe(true);
    expect(verdict(text, '10.0.0.5', 22)).toBe(true);
    expect(checkHostKey(parseKnownHosts(`# lb\n\nlb2 ${ECDSA}\n${text}`), '10.0.0.5', 22, ed25519).line).toBe(4);
  });

  it('accepts any of several keys a host has', () => {
    const text = `lb1 ${ECDSA}\nlb1 ${ED25519}\n`;
    expect(verdict(text, 'lb1', 22, ecdsa)).toBe(true);
    expect(verdict(text, 'lb1', 22, ed25519)).toBe(true);
    expect(linesFor(parseKnownHosts(text), 'lb1', 22).map(line => line.keyType)).toEqual(['ecdsa-sha2-nistp256', 'ssh-ed25519']);
  });

  it('keeps ports apart: [host]:port off port 22, the plain name on it', () => {
    const text = `[lb1]:2222 ${ED25519}\nlb2 ${ED25519}\n`;
    expect(verdict(text, 'lb1', 2222)).toBe(true);
    expect(verdict(text, 'lb1', 22)).toMatch(/has no line for lb1,/);
    expect(verdict(text, 'lb2', 22)).toBe(true);
    expect(verdict(text, 'lb2', 2222)).toMatch(/has no line for \[lb2\]:2222,/);
    expect(verdict(`[lb1]:* ${ED25519}`, 'lb1', 2200)).toBe(true);
  });

  it('matches * and ? wildcards against the whole name', () => {
    const text = `*.example.com,lb? ${ED25519}\n`;
    expect(verdict(text, 'lb1.example.com', 22)).toBe(true);
    expect(verdict(text, 'a.b.example.com', 22)).toBe(true);
    expect(verdict(text, 'example.com', 22)).toMatch(/has no line/);
    expect(verdict(text, 'lb7', 22)).toBe(true);
    expect(verdict(text, 'lb10', 22)).toMatch(/has no line/);
    expect(verdict(text, 'lb1.example.com.evil.net', 22)).toMatch(/has no line/);
    expect(verdict(`lb1.example.com ${ED25519}`, 'lb1xexample.com', 22)).toMatch(/has no line/);
  });

  it('excludes a host a !pattern names, even where another pattern of the line matches it', () => {
    const text = `*.example.com,!lb2.example.com ${ED25519}\n`;
    expect(verdict(text, 'lb1.example.com', 22)).toBe(true);
    expect(verdict(text, 'lb2.example.com', 22)).toMatch(/has no line for lb2\.example\.com/);
  });

  it('accepts hashed lines written by ssh-keygen -H, for the name and the [name]:port they hash', () => {
    expect(verdict(HASHED, 'lb1.example.com', 22)).toBe(true);
    expect(verdict(HASHED, 'LB1.example.com', 22)).toBe(true);
    expect(verdict(HASHED, 'lb1.example.com', 2222)).toBe(true);
    expect(verdict(HASHED, 'lb1.example.com', 2200)).toMatch(/has no line/);
    expect(verdict(HASHED, 'lb2.example.com', 22)).toMatch(/has no line/);
  });

  it('refuses a @revoked key even where another line accepts it', () => {
    const text = `lb1 ${ED25519}\nlb1 ${ECDSA}\n@revoked * ${ED25519}\n`;
    const message = verdict(text, 'lb1', 22);
    expect(message).toBe(
      `lb1:22 presented the host key ssh-ed25519 ${ED25519_FINGERPRINT}, which line 3 of router.ssh.known-hosts marks @revoked; a revoked key is refused even where another line accepts it. Nothing was sent to the host.`
    );
    expect(verdict(text, 'lb1', 22, ecdsa)).toBe(true);
    expect(() => checkHostKey(parseKnownHosts(text), 'lb1', 22, ed25519)).toThrow(ReleaseError);
  });

  it('refuses a different key, naming the presented and the expected fingerprints', () => {
    const message = verdict(`lb1 ${ECDSA}\n`, 'lb1', 22, ed25519);
    expect(message).toContain(`lb1:22 presented the host key ssh-ed25519 ${ED25519_FINGERPRINT}, but router.ssh.known-hosts expects ecdsa-sha2-nistp256 ${ECDSA_FINGERPRINT} (line 1).`);
    expect(message).toContain('ssh-keyscan -p 22 lb1');
  });

  it('never trusts a host it has no line for, and says how to get one checked out of band', () => {
    const refusal = () => checkHostKey(parseKnownHosts(`lb1 ${ED25519}\n`), 'lb9', 2222, ed25519);
    expect(refusal).toThrow(BadInputError);
    expect(refusal).toThrow('router.ssh.known-hosts has no line for [lb9]:2222, and cutover never trusts a host key on first use.');
    expect(refusal).toThrow('`ssh-keyscan -p 2222 lb9`');
    expect(refusal).toThrow('`ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub`');
    expect(() => checkHostKey(parseKnownHosts(''), 'lb1', 22, ed25519)).toThrow(/has no line for lb1/);
  });

  it('skips comments and blank lines and reads CRLF text, indented lines and trailing comments', () => {
    const text = `# router hosts\r\n\r\n   lb1 ${ED25519} root@lb1 added 2024\r\n`;
    expect(parseKnownHosts(text)).toHaveLength(1);
    expect(verdict(text, 'lb1', 22)).toBe(true);
  });

  it('refuses @cert-authority lines, saying they are not supported', () => {
    expect(() => parseKnownHosts(`lb1 ${ED25519}\n@cert-authority *.example.com ${ED25519}\n`)).toThrow(
      new BadInputError(
        "router.ssh.known-hosts, line 2: @cert-authority (host certificates) is not supported. Give the host's own key instead, as ssh-keyscan prints it."
      )
    );
  });

  it.each([
    [`lb1 ssh-ed25519\n`, 'line 1: expected hosts, a key type and a key, found 2 fields'],
    [`# c\nlb1\n`, 'line 2: expected hosts, a key type and a key, found 1 field'],
    [`lb1 ssh-ed25519 not*base64\n`, 'line 1: the key is not valid base64'],
    [`lb1 ssh-rsa ${ED25519.split(' ')[1]}\n`, 'line 1: the line says ssh-rsa but the key is ssh-ed25519'],
    [`lb1 ssh-ed25519 AAAA\n`, 'line 1: the line says ssh-ed25519 but the key is not an SSH public key'],
    [`lb1,,lb2 ${ED25519}\n`, 'line 1: empty host pattern in "lb1,,lb2"'],
    [`lb1,! ${ED25519}\n`, 'line 1: empty host pattern in "lb1,!"'],
    [`!lb1 ${ED25519}\n`, 'line 1: host list "!lb1" names no host, only exclusions'],
    [`[lb1] ${ED25519}\n`, 'line 1: host "[lb1]" should be written [host]:port'],
    [`[lb1]:port ${ED25519}\n`, 'line 1: host "[lb1]:port" should be written [host]:port'],
    [`|2|abc|def ${ED25519}\n`, 'line 1: hashed host "|2|abc|def" is not in the form |1|salt|hash'],
    [`|1|c2FsdA==|aGFzaA== ${ED25519}\n`, 'line 1: hashed host "|1|c2FsdA==|aGFzaA==" must carry a 20-byte salt and a 20-byte SHA-1 hash in base64'],
    [`@trusted lb1 ${ED25519}\n`, 'line 1: unknown marker "@trusted"'],
    [`lb1 1024 35 1234567\n`, 'line 1: the key is not valid base64']
  ])('refuses a malformed line, naming its number and the problem: %j', (text, problem) => {
    expect(() => parseKnownHosts(text)).toThrow(BadInputError);
    expect(() => parseKnownHosts(text)).toThrow(`router.ssh.known-hosts, ${problem}`);
  });
});
