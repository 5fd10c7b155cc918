import { randomBytes } from 'node:crypto';
import { open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/** A hidden temp name beside `file`, in the same folder so a rename replaces it in one step. */
export function tempFileFor(file: string, paths: path.PlatformPath = path): string {
  return paths.join(paths.dirname(file), `.${paths.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
}

/**
 * Replaces `file` in one step: readers see the old content or the new, never a
 * mix. The content is synced before the rename; an existing file keeps its
 * mode, and a new one gets `newMode`.
 */
export async function writeFileAtomic(file: string, content: string, newMode = 0o644): Promise<void> {
  const temp = tempFileFor(file);
  const mode = await stat(file).then(
    s => s.mode & 0o777,
    () => newMode
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
}
