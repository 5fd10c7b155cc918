import { logLines } from '../../src/actions/logger.js';
import { terminalLogger } from '../../src/shared/logging/logger.js';
import { cleanOutsideText, controlCharacterIn, shorten } from '../../src/shared/logging/outside-text.js';
import { acceptedVersion, versionProblem } from '../../src/adapters/probes/version.js';
import { checkOptions } from '../../src/steps/options.js';
import { refusalOf } from '../support/refusal.js';
import { commandLines } from './outside-text-fixtures.js';

describe('cleaning outside text', () => {
  it('removes terminal escapes of every kind: CSI, OSC ended by BEL or ST, DCS/APC strings, short escapes, 8-bit CSI', () => {
    expect(cleanOutsideText('\x1b[31mred\x1b[0m \x1b[2J\x1b[1;1Hhome')).toBe('red home');
    expect(cleanOutsideText('\x1b]0;title\x07a\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\')).toBe('alink');
    expect(cleanOutsideText('\x1bP+q544e\x1b\\b\x1b_apc\x1b\\c')).toBe('bc');
    expect(cleanOutsideText('\x1b(Bd\x1b7e\x1bcf')).toBe('def');
    expect(cleanOutsideText('\x9b31mg\x9d0;t\x9ch')).toBe('gh');
  });

  it('ends an unterminated escape string at the line, so it cannot hide the lines after it', () => {
    expect(cleanOutsideText('a\x1b]0;never ended\nnext', { multiline: true })).toBe('a\nnext');
  });

  it('shows every other control character escaped: C0, DEL, C1, line separators and bidi controls; tabs become spaces', () => {
    expect(cleanOutsideText('a\x00b\x07c\x08d\x7fe\x85f\x1b')).toBe('a\\u0000b\\u0007c\\u0008d\\u007fe\\u0085f\\u001b');
    expect(cleanOutsideText('user\u202eexe.txt \u2066x\u2069 \u200f \u061c \u2028 \u2029')).toBe('user\\u202eexe.txt \\u2066x\\u2069 \\u200f \\u061c \\u2028 \\u2029');
    expect(cleanOutsideText('a\tb')).toBe('a b');
  });

  it('makes one line of it unless lines are wanted, and a carriage return never starts a line', () => {
    expect(cleanOutsideText('2.0.0\n::add-mask::x\r::warning::y')).toBe('2.0.0\\n::add-mask::x\\r::warning::y');
    expect(cleanOutsideText('one\r\ntwo\rthree\n', { multiline: true })).toBe('one\ntwo\\rthree\n');
  });

  it('cuts each line at the cap with a marker saying how much was cut, never inside a character', () => {
    expect(cleanOutsideText('x'.repeat(60_000))).toBe(`${'x'.repeat(2000)}… (58000 more characters cut)`);
    expect(cleanOutsideText(`ab\n${'c'.repeat(12)}`, { multiline: true, max: 10 })).toBe(`ab\n${'c'.repeat(10)}… (2 more characters cut)`);
    expect(cleanOutsideText('abc😀def', { max: 4 })).toBe('abc… (5 more characters cut)');
  });

  it('leaves printable text as it is, JSON included', () => {
    const json = JSON.stringify({ version: '2.0.0 (build 7) — ok', note: 'line\nbreak\u001b' });
    expect(cleanOutsideText(json, { max: Infinity })).toBe(json);
  });

  it('names the first control character and where it is', () => {
    expect(controlCharacterIn('production')).toBeNull();
    expect(controlCharacterIn('prod\nx')).toBe('\\n at character 5');
    expect(controlCharacterIn('a\u202e')).toBe('\\u202e at character 2');
  });
});

describe('shortening outside text', () => {
  it('folds white space and line breaks to one line, cleaned of escapes', () => {
    expect(shorten('  UPDATE people\n   SET\tname = \x1b[31mlower(name)\x1b[0m  ', 100)).toBe('UPDATE people SET name = lower(name)');
  });

  it('cuts at the limit with an ellipsis, the ellipsis included; Infinity keeps it whole', () => {
    expect(shorten('abcdefghij', 10)).toBe('abcdefghij');
    expect(shorten('abcdefghijk', 10)).toBe('abcdefghi…');
    expect(shorten('x'.repeat(5000), Infinity)).toBe('x'.repeat(5000));
  });
});

describe('a version from outside', () => {
  it('is one line of printable text of at most 128 characters', () => {
    expect(versionProblem('2.0.0+build.7 (abc)')).toBeNull();
    expect(versionProblem('2.0.0\n::warning::x')).toBe('not one line of printable text (\\n at character 6)');
    expect(versionProblem('2.0.0\r')).toBe('not one line of printable text (\\r at character 6)');
    expect(versionProblem('v'.repeat(60_000))).toBe('60000 characters, more than 128');
  });

  it('read by a router (from a chain, say), is kept only when it is one, and a refusal quotes it cleaned', () => {
    const warnings: string[] = [];
    expect(acceptedVersion('1.4.2', 'the router reports green\'s version as', reason => warnings.push(reason))).toBe('1.4.2');
    expect(acceptedVersion('1.4.2\n::error::x\x1b[2J', 'the router reports green\'s version as', reason => warnings.push(reason))).toBeNull();
    expect(warnings).toEqual([
      'the router reports green\'s version as "1.4.2\\n::error::x": not used as a version: not one line of printable text (\\n at character 6).'
    ]);
  });

  it('given as the version option, is refused with the option named, the value shown cleaned, and the fix', () => {
    const label = (name: string) => `--${name}`;
    expect(refusalOf(() => checkOptions('deploy', { version: '2.0.0\n::add-mask::x' }, label))).toBe(
      '--version: not one line of printable text (\\n at character 6); give the version as one line of printable text, like 2.0.0; got "2.0.0\\n::add-mask::x".'
    );
    expect(refusalOf(() => checkOptions('deploy', { version: '\x1b[31m2.0.0' }, label))).toMatch(/^--version: not one line of printable text \(\\u001b at character 1\).*got "2\.0\.0"\.$/);
    expect(() => checkOptions('deploy', { version: ' 2.0.0 ' }, label)).not.toThrow();
  });
});

const HOSTILE = 'v2\n::add-mask::x\n  ::stop-commands::abc\n##[error]pwned\ttab\r::warning::cr\x1b[31m red\x1b]0;title\x07 \u202eevil';

describe('the terminal logger', () => {
  it('writes outside text without escapes or control characters, lines indented in their group, secrets hidden first', async () => {
    let written = '';
    const logger = terminalLogger({ write: text => (written += text), redact: text => text.replaceAll('s3cr\x07t', '***'), verbose: true });
    await logger.group('Deploy\x1b[2J green', async () => {
      logger.info(HOSTILE);
      logger.warn('token s3cr\x07t \x1b[5mblink');
      logger.debug('\x07bell');
    });
    expect(written.replace(/: \d+\.\ds\n$/, ': Ns\n')).toBe(
      [
        '▸ Deploy green',
        '  v2',
        '  ::add-mask::x',
        '    ::stop-commands::abc',
        '  ##[error]pwned tab\\r::warning::cr red \\u202eevil',
        '  warning: token *** blink',
        '  debug: \\u0007bell',
        '  Deploy green: Ns',
        ''
      ].join('\n')
    );
  });

  it("draws its progress bar with its own carriage return and erase-line, and the message's as text", () => {
    let written = '';
    terminalLogger({ write: text => (written += text), redact: text => text, tty: true }).progress('rows\r\x1b[31m9\n', 0.5);
    expect(written).toBe('\r[############............]  50% rows\\r9\\n\x1b[K');
  });
});

describe('the Actions logger', () => {
  it('wraps a message holding lines the runner would run in stop-commands with a fresh token, cleaned of escapes', () => {
    const first = logLines(HOSTILE);
    const token = /^::stop-commands::([0-9a-f]{32})\n/.exec(first)?.[1];
    expect(token).toBeDefined();
    expect(first).toBe(
      [`::stop-commands::${token}`, 'v2', '::add-mask::x', '  ::stop-commands::abc', '##[error]pwned tab\\r::warning::cr red \\u202eevil', `::${token}::`].join('\n')
    );
    expect(logLines(HOSTILE)).not.toContain(token);
    // What the runner takes as commands: only the pause and its end.
    expect(commandLines(first)).toEqual([`::stop-commands::${token}`, `::${token}::`]);
  });

  it('wraps a legacy ##[ command anywhere in a line, and leaves other text as it is, escapes removed', () => {
    expect(logLines('deploying, see ##[set-output name=x]y')).toMatch(/^::stop-commands::[0-9a-f]{32}\ndeploying, see ##\[set-output name=x\]y\n::[0-9a-f]{32}::$/);
    expect(logLines('  | \x1b[32mready\x1b[0m: 2 :: ok')).toBe('  | ready: 2 :: ok');
  });
});
