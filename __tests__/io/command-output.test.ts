import { describe, expect, it } from '@jest/globals';
import { BadInputError } from '../../src/shared/errors.js';
import { runCommand } from '../../src/shared/io/command.js';
import { expectEndlessLineBounded } from '../support/endless-line.js';

describe('a command that prints without end', () => {
  it('keeps at most OUTPUT_MAX of its output, and hands on an endless line in bounded pieces', async () => {
    await expectEndlessLineBounded(runCommand, 'deploy.command', 5 * 1024 * 1024);
  });
});

describe('a command that does not exist', () => {
  it('is refused before any process starts, as bad input naming the field', () => {
    expect(() => runCommand(['no-such-program-for-cutover'], { field: 'router.reload' })).toThrow(BadInputError);
    expect(() => runCommand(['./no-such-script.sh'], { field: 'deploy.command', cwd: '/tmp' })).toThrow(
      'deploy.command: command not found: "./no-such-script.sh". Install it or give its full path.'
    );
  });

  it('is found on the PATH the command is given, not only on this process\'s', async () => {
    const dir = process.execPath.replace(/\/node$/, '');
    const result = await runCommand(['node', '-e', 'process.stdout.write("ran")'], { field: 'deploy.command', env: { PATH: dir } });
    expect(result.stdout).toBe('ran');
    expect(() => runCommand(['node', '-e', ''], { field: 'deploy.command', env: { PATH: '/nonexistent' } })).toThrow(BadInputError);
  });
});
