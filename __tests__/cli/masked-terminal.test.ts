import { maskedTerminal, type Terminal } from '../../src/cli/terminal.js';

describe('the CLI terminal', () => {
  it('hides every secret a command resolved from all it prints afterwards, its final error line included', () => {
    let out = '';
    let err = '';
    const told: string[] = [];
    const terminal = maskedTerminal({
      out: text => (out += text),
      err: text => (err += text),
      env: {},
      self: [],
      mask: value => told.push(value)
    } satisfies Terminal);
    terminal.err('before: s3cr3t-token\n');
    terminal.mask?.('s3cr3t-token');
    terminal.out('snapshot-file: /tmp/s3cr3t-token.json\n');
    terminal.err('error: GET http://127.0.0.1:9/v3/s3cr3t-token: connect ECONNREFUSED\n');
    expect(out).toBe('snapshot-file: /tmp/***.json\n');
    expect(err).toBe('before: s3cr3t-token\nerror: GET http://127.0.0.1:9/v3/***: connect ECONNREFUSED\n');
    expect(told).toEqual(['s3cr3t-token']);
  });
});
