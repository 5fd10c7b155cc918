import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { requireServer, tempDir } from '../support/servers.js';

const run = promisify(execFile);
const describeWithChromium = requireServer('chromium', existsSync('/usr/bin/chromium'), 'apt-get install chromium') ? describe : describe.skip;

const chart = (xAxis: string) =>
  ['```mermaid', 'xychart-beta', '  title "Traffic per color"', `  x-axis ${xAxis}`, '  y-axis "Traffic (%)" 0 --> 100', '  line [100, 0]', '  line [0, 100]', '```'].join('\n');

/** Width and height from the IHDR chunk right after the PNG signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describeWithChromium('scripts/render-summary.mjs', () => {
  it('draws a summary folder to PNGs a job summary wide, with its mermaid chart drawn', async () => {
    const { dir, remove } = await tempDir();
    try {
      await writeFile(path.join(dir, 'review.md'), `# shop 1.0.0 → 2.0.0\n\n${chart('["snapshot", "promote"]')}\n`);
      const { stdout } = await run(process.execPath, ['scripts/render-summary.mjs', dir]);
      const size = pngSize(await readFile(path.join(dir, 'review.png')));
      expect(size.width).toBeGreaterThanOrEqual(600);
      expect(size.height).toBeGreaterThanOrEqual(200);
      expect(stdout).toBe(`${path.join(dir, 'review.png')} ${size.width}x${size.height}, 1 of 1 mermaid charts drawn\n`);
    } finally {
      await remove();
    }
  });

  it('fails naming the file and the parse error when a chart would not draw on GitHub, still writing the PNG', async () => {
    const { dir, remove } = await tempDir();
    try {
      const file = path.join(dir, 'broken.md');
      await writeFile(file, `# broken\n\n${chart('["snapshot", "promote"')}\n`);
      const failure = await run(process.execPath, ['scripts/render-summary.mjs', file, '--out', path.join(dir, 'png')]).then(
        () => null,
        (error: { code: number; stdout: string; stderr: string }) => error
      );
      expect(failure?.code).toBe(1);
      expect(failure?.stdout).toContain('0 of 1 mermaid charts drawn');
      expect(failure?.stderr).toContain(`${file}: mermaid chart failed: Parse error`);
      expect(pngSize(await readFile(path.join(dir, 'png', 'broken.png'))).width).toBeGreaterThanOrEqual(600);
    } finally {
      await remove();
    }
  });
});
