import { randomBytes } from 'node:crypto';
import { mkdtemp, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCommand, type CommandOptions, type CommandResult } from '../io/command.js';

/**
 * The machine a router's files and commands live on. Routers speak only to
 * this interface, so the same router code can drive a remote host later.
 */
export interface Host {
  /** File content, or null when the file does not exist. */
  readFile(file: string): Promise<string | null>;
  /** Replaces `file` in one step: readers see the old content or the new, never a mix. */
  writeFileAtomic(file: string, content: string): Promise<void>;
  removeFile(file: string): Promise<void>;
  /** A fresh private folder for scratch files, removed by the returned function. */
  scratchDir(): Promise<{ dir: string; remove: () => Promise<void> }>;
  run(argv: readonly string[], options: CommandOptions): Promise<CommandResult>;
}

export const localHost: Host = {
  async readFile(file) {
    try {
      return await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  },
  async writeFileAtomic(file, content) {
    const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
    const mode = await stat(file).then(
      s => s.mode & 0o777,
      () => 0o644
    );
    const handle = await open(temp, 'wx', mode);
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await rename(temp, file);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  },
  async removeFile(file) {
    await rm(file, { force: true });
  },
  async scratchDir() {
    const dir = await mkdtemp(path.join(tmpdir(), 'cutover-'));
    return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
  },
  run: runCommand
};
