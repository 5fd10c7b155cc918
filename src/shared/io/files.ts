import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { BadInputError } from '../errors.js';

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

/**
 * The length of the well-formed UTF-8 sequence that starts at `i` (Unicode's
 * table 3-7: no overlong forms, no surrogates, nothing past U+10FFFF), or 0.
 */
function sequenceAt(bytes: Uint8Array, i: number): number {
  const lead = bytes[i] as number;
  if (lead < 0x80) return 1;
  const [follow, low, high] =
    lead >= 0xc2 && lead <= 0xdf ? [1, 0x80, 0xbf]
    : lead === 0xe0 ? [2, 0xa0, 0xbf]
    : lead === 0xed ? [2, 0x80, 0x9f]
    : lead >= 0xe1 && lead <= 0xef ? [2, 0x80, 0xbf]
    : lead === 0xf0 ? [3, 0x90, 0xbf]
    : lead >= 0xf1 && lead <= 0xf3 ? [3, 0x80, 0xbf]
    : lead === 0xf4 ? [3, 0x80, 0x8f]
    : [0, 0, 0];
  if (follow === 0) return 0;
  const second = bytes[i + 1];
  if (second === undefined || second < low || second > high) return 0;
  for (let k = 2; k <= follow; k++) {
    const next = bytes[i + k];
    if (next === undefined || next < 0x80 || next > 0xbf) return 0;
  }
  return follow + 1;
}

/** The offset of the first byte that is not part of well-formed UTF-8, or -1 when all of it is. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const length = sequenceAt(bytes, i);
    if (length === 0) return i;
    i += length;
  }
  return -1;
}

/** `ignoreBOM` keeps a byte order mark in the text, as reading with 'utf8' always did, so checksums of existing files stay the same. */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decodeUtf8(bytes: Uint8Array, shownAs: string): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    throw new BadInputError(
      `${shownAs}: not UTF-8 text: byte ${offset} (0x${(bytes[offset] as number).toString(16).padStart(2, '0')}) does not start or continue a UTF-8 character. Save the file as UTF-8.`
    );
  }
}

/**
 * Reads a regular file as UTF-8 text, refusing (BadInputError, naming it as
 * `shownAs`) anything else: a FIFO or device, a file larger than `maxBytes`,
 * bytes that are not UTF-8. The size is checked before anything is read, and
 * the read stops past the cap in case the file grows meanwhile. Errors from
 * opening it (ENOENT, EACCES) are thrown as they are, for the caller to word.
 */
export async function readTextFile(file: string, shownAs = file, maxBytes = Infinity): Promise<string> {
  // O_NONBLOCK: opening a FIFO would otherwise wait for a writer before fstat could refuse it.
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new BadInputError(`${shownAs}: not a regular file. Give a file, not a device, pipe or folder.`);
    const tooLarge = (size: string) =>
      new BadInputError(`${shownAs}: ${size} bytes, over the limit of ${maxBytes} bytes (${formatBytes(maxBytes)}). cutover does not read larger files; make it smaller.`);
    if (info.size > maxBytes) throw tooLarge(String(info.size));
    // `end` is inclusive: one byte past the cap is enough to tell that the file grew beyond it since the stat.
    const chunks: Buffer[] = [];
    let length = 0;
    for await (const chunk of handle.createReadStream({ start: 0, end: maxBytes, autoClose: false }) as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      length += chunk.length;
    }
    if (length > maxBytes) throw tooLarge(`more than ${maxBytes}`);
    return decodeUtf8(Buffer.concat(chunks, length), shownAs);
  } finally {
    await handle.close();
  }
}

function formatBytes(bytes: number): string {
  return bytes % 1_048_576 === 0 ? `${bytes / 1_048_576} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}
