import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the docs are read where users read them. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A fenced code block of a markdown file, as a reader sees it. */
export interface CodeBlock {
  /** The file, relative to the repository root. */
  file: string;
  /** The line of the opening fence (1-based). */
  line: number;
  lang: string;
  /** The content, without the fences and without the indentation of the fence (a block inside a list item). */
  text: string;
  /** The HTML comment on the line before the fence, if any, without `<!--` and `-->`: a hint for the tests that readers do not see. */
  marker: string | null;
  /** The heading the block sits under. */
  heading: string;
}

/** README.md and every markdown file under docs/, in a stable order. */
export function docFiles(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(path.join(ROOT, dir), { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))
      .flatMap(entry => {
        const relative = path.join(dir, entry.name);
        if (entry.isDirectory()) return walk(relative);
        return entry.name.endsWith('.md') ? [relative] : [];
      });
  return ['README.md', ...walk('docs')];
}

export function codeBlocks(file: string): CodeBlock[] {
  const lines = readFileSync(path.join(ROOT, file), 'utf8').split('\n');
  const blocks: CodeBlock[] = [];
  let heading = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const title = /^#+\s+(.*)$/.exec(line);
    if (title) heading = title[1] as string;
    const fence = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)/.exec(line);
    if (!fence) continue;
    const [, indent, ticks, lang] = fence as unknown as [string, string, string, string];
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !new RegExp(`^\\s*${ticks}\\s*$`).test(lines[i] as string); i++) {
      const content = lines[i] as string;
      body.push(content.startsWith(indent) ? content.slice(indent.length) : content.trimStart());
    }
    const before = start > 0 ? /^\s*<!--\s*(.*?)\s*-->\s*$/.exec(lines[start - 1] as string) : null;
    blocks.push({ file, line: start + 1, lang: lang.toLowerCase(), text: `${body.join('\n')}\n`, marker: before ? (before[1] as string) : null, heading });
  }
  return blocks;
}

/** Every block of `lang` in the docs. */
export function blocksOf(lang: string, files: readonly string[] = docFiles()): CodeBlock[] {
  return files.flatMap(codeBlocks).filter(block => block.lang === lang);
}

export const where = (block: CodeBlock) => `${block.file}:${block.line}`;
