// Renders job-summary markdown files to PNG the way GitHub shows them to a reviewer: GitHub-flavored markdown,
// GitHub's light markdown stylesheet at a job summary's width, mermaid charts drawn by mermaid itself, in
// Debian's headless Chromium with no network. Run with `npm run render-summaries -- [files or folders...] [--out DIR]`;
// docs/summaries.md says where the summaries come from.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { Marked } from 'marked';
import markedAlert from 'marked-alert';
import { chromium } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const DEFAULT_FOLDER = '.summaries';
// A job summary's markdown column on a wide screen.
const WIDTH = 1000;
// Mermaid draws a chart in well under a second; a block still pending after this is a hang, not a slow chart.
const RENDER_DEADLINE_MS = 30_000;
const USAGE = 'usage: node scripts/render-summary.mjs [files or folders...] [--out DIR]';

const repoRoot = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const assets = {
  stylesheet: path.join(repoRoot, 'node_modules/github-markdown-css/github-markdown-light.css'),
  mermaid: path.join(repoRoot, 'node_modules/mermaid/dist/mermaid.min.js')
};

class RenderError extends Error {}

const reason = error => (error.code === 'ENOENT' ? 'no such file or folder' : error.message);

/** Every input named on the command line: files as given, folders as their *.md files, .summaries/ by default. */
async function inputFiles(args) {
  const named = args.length > 0 ? args : [DEFAULT_FOLDER];
  const files = [];
  for (const name of named) {
    const info = await stat(name).catch(error => {
      const hint = args.length === 0 ? ': write the summaries there first (see docs/summaries.md) or name files to render' : '';
      throw new RenderError(`cannot read ${name}: ${reason(error)}${hint}`);
    });
    if (!info.isDirectory()) {
      files.push(name);
      continue;
    }
    const markdown = (await readdir(name)).filter(entry => entry.endsWith('.md')).sort();
    if (markdown.length === 0) throw new RenderError(`${name} holds no *.md files: name a folder with job summaries in it`);
    files.push(...markdown.map(entry => path.join(name, entry)));
  }
  return files;
}

/** The PNG's path for each input: next to it, or in --out; two inputs may not write the same file. */
function outputPaths(files, outDir) {
  const outputs = files.map(file => path.join(outDir ?? path.dirname(file), `${path.basename(file, '.md')}.png`));
  const seen = new Map();
  outputs.forEach((output, i) => {
    if (seen.has(output)) throw new RenderError(`${seen.get(output)} and ${files[i]} would both write ${output}: render them with different --out folders`);
    seen.set(output, files[i]);
  });
  return outputs;
}

const escapeHtml = text => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * GitHub-flavored markdown as GitHub marks it up: raw HTML such as <details> kept, task lists with GitHub's
 * classes (its stylesheet hides their bullets), alerts, and mermaid fences left as their source for mermaid.
 */
const markdown = new Marked({ gfm: true }).use(markedAlert(), {
  renderer: {
    code({ text, lang }) {
      if ((lang ?? '').split(/\s/)[0] !== 'mermaid') return false;
      return `<div class="mermaid">${escapeHtml(text)}</div>\n`;
    },
    list(token) {
      if (!token.items.some(item => item.task)) return false;
      const tag = token.ordered ? 'ol' : 'ul';
      const start = token.ordered && token.start !== 1 ? ` start="${token.start}"` : '';
      return `<${tag}${start} class="contains-task-list">\n${token.items.map(item => this.listitem(item)).join('')}</${tag}>\n`;
    },
    listitem(item) {
      if (!item.task) return false;
      return `<li class="task-list-item">${this.parser.parse(item.tokens, Boolean(item.loose))}</li>\n`;
    },
    checkbox({ checked }) {
      return `<input type="checkbox" class="task-list-item-checkbox" disabled${checked ? ' checked' : ''}> `;
    }
  }
});

/**
 * The page: the summary in GitHub's stylesheet, then a script that draws each mermaid block with GitHub's
 * strict security level and marks it data-rendered="svg" or "error". Only the two scripts carrying the nonce
 * run, so a <script> inside a summary stays inert, as GitHub strips it.
 */
function page(summaryHtml, baseUrl) {
  const nonce = randomBytes(16).toString('base64');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-${nonce}'; style-src 'unsafe-inline' file:; img-src file: data:; font-src file: data:">
<base href="${escapeHtml(baseUrl)}">
<link rel="stylesheet" href="${pathToFileURL(assets.stylesheet)}">
<style>
  body { margin: 0; background: #ffffff; }
  .markdown-body { box-sizing: border-box; width: ${WIDTH}px; padding: 16px 24px; }
  .markdown-body .mermaid { margin-bottom: 16px; }
  #mermaid-scratch { position: absolute; left: -${WIDTH * 2}px; top: 0; width: ${WIDTH}px; }
  .markdown-body .mermaid-error { padding: 8px 16px; border: 1px solid #d1242f; border-radius: 6px; color: #d1242f; white-space: pre-wrap; font-family: monospace; }
</style>
<script nonce="${nonce}" src="${pathToFileURL(assets.mermaid)}"></script>
</head><body><article class="markdown-body">
${summaryHtml}
</article>
<div id="mermaid-scratch"></div>
<script nonce="${nonce}">
(async () => {
  const blocks = [...document.querySelectorAll('.mermaid')];
  // Mermaid draws in a scratch element and leaves its own error drawing there; this one is off the page.
  const scratch = document.getElementById('mermaid-scratch');
  const fail = (block, message) => {
    const box = document.createElement('div');
    box.className = 'mermaid-error';
    box.textContent = 'Unable to render rich display\\n' + message;
    block.replaceChildren(box);
    block.dataset.rendered = 'error';
    block.dataset.error = message;
  };
  try {
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'default' });
  } catch (error) {
    blocks.forEach(block => fail(block, 'mermaid did not load: ' + error.message));
    return;
  }
  for (const [i, block] of blocks.entries()) {
    try {
      const { svg } = await mermaid.render('mermaid-chart-' + i, block.textContent, scratch);
      block.innerHTML = svg;
      block.dataset.rendered = 'svg';
    } catch (error) {
      fail(block, String(error && error.message || error));
    }
    scratch.replaceChildren();
  }
})();
</script>
</body></html>
`;
}

/** Width and height from the PNG's IHDR chunk, which always follows the 8-byte signature. */
const pngSize = png => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

async function launch(userDataDir) {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    // Short, so that a full-page screenshot is as tall as the summary and no taller.
    viewport: { width: WIDTH, height: 100 },
    deviceScaleFactor: 1,
    serviceWorkers: 'block'
  });
  // The page needs only its own files; anything else would be the network.
  await context.route('**/*', route => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
  return context;
}

/** Renders one summary; returns the PNG's size and the mermaid blocks that failed with their messages. */
async function render(context, workDir, file, source, output) {
  const htmlFile = path.join(workDir, `${path.basename(file, '.md')}.html`);
  await writeFile(htmlFile, page(await markdown.parse(source), pathToFileURL(path.resolve(path.dirname(file)) + path.sep).href));
  const tab = await context.newPage();
  try {
    await tab.goto(pathToFileURL(htmlFile).href);
    await tab
      .waitForFunction("[...document.querySelectorAll('.mermaid')].every(block => block.dataset.rendered)", null, { timeout: RENDER_DEADLINE_MS })
      .catch(() => {
        throw new RenderError(`${file}: mermaid did not finish within ${RENDER_DEADLINE_MS / 1000} s`);
      });
    await tab.evaluate('document.fonts.ready.then(() => true)');
    const charts = await tab.evaluate("[...document.querySelectorAll('.mermaid')].map(block => block.dataset.error ?? null)");
    const png = await tab.screenshot({ fullPage: true, type: 'png' });
    await mkdir(path.dirname(output), { recursive: true });
    await writeFile(output, png);
    return { ...pngSize(png), charts: charts.length, errors: charts.filter(error => error !== null) };
  } finally {
    await tab.close();
  }
}

async function main() {
  const { values, positionals } = (() => {
    try {
      return parseArgs({ options: { out: { type: 'string' } }, allowPositionals: true });
    } catch (error) {
      throw new RenderError(`${error.message}\n${USAGE}`);
    }
  })();
  if (!existsSync(CHROMIUM)) throw new RenderError(`chromium is not installed at ${CHROMIUM}: apt-get install chromium`);
  for (const asset of Object.values(assets)) {
    if (!existsSync(asset)) throw new RenderError(`${path.relative(repoRoot, asset)} is missing: run npm install`);
  }
  const files = await inputFiles(positionals);
  const outputs = outputPaths(files, values.out);
  // Read every input before drawing anything, so an unreadable file changes nothing.
  const sources = await Promise.all(files.map(file => readFile(file, 'utf8').catch(error => {
    throw new RenderError(`cannot read ${file}: ${reason(error)}`);
  })));

  const workDir = await mkdtemp(path.join(tmpdir(), 'render-summary-'));
  let failed = 0;
  try {
    const context = await launch(path.join(workDir, 'profile'));
    try {
      for (const [i, file] of files.entries()) {
        const { width, height, charts, errors } = await render(context, workDir, file, sources[i], outputs[i]);
        const drawn = charts > 0 ? `, ${charts - errors.length} of ${charts} mermaid charts drawn` : '';
        console.log(`${outputs[i]} ${width}x${height}${drawn}`);
        for (const error of errors) console.error(`${file}: mermaid chart failed: ${error}`);
        if (errors.length > 0) failed++;
      }
    } finally {
      await context.close();
    }
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
  if (failed > 0) throw new RenderError(`${failed} of ${files.length} summaries have a mermaid chart GitHub would not draw (PNGs written; see above)`);
}

main().catch(error => {
  console.error(`render-summary: ${error instanceof RenderError ? error.message : error.stack ?? error}`);
  process.exit(1);
});
