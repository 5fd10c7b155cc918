import { BadInputError } from '../../src/shared/errors.js';
import { runCommand } from '../../src/shared/io/command.js';
import { requirePosix } from '../../src/shared/io/platform.js';

describe('the POSIX guard', () => {
  it('refuses Windows with what needs POSIX and where to run instead', () => {
    expect(() => requirePosix('deploy.command', 'win32')).toThrow(BadInputError);
    expect(() => requirePosix('deploy.command', 'win32')).toThrow(/^deploy\.command needs Linux .*process groups.*runs-on: ubuntu-latest/);
  });

  it('lets Linux and macOS through, and commands run there', async () => {
    expect(() => requirePosix('deploy.command', 'linux')).not.toThrow();
    expect(() => requirePosix('deploy.command', 'darwin')).not.toThrow();
    expect(await runCommand([process.execPath, '-e', 'process.stdout.write("ran")'], { field: 'deploy.command' })).toMatchObject({ code: 0, stdout: 'ran' });
  });
});
