import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The markdown cut at `### ` headings: the heading text to the body under it; '' holds what comes before the first. */
export function sectionsOf(markdown: string): Map<string, string> {
  const out = new Map<string, string>();
  let heading = '';
  for (const line of markdown.split('\n')) {
    const match = /^### (.*)$/.exec(line);
    if (match) heading = match[1] ?? '';
    else out.set(heading, `${out.get(heading) ?? ''}${line}\n`);
  }
  return out;
}

/** The body rows of every table in `body`, as cells split where GitHub splits them: at pipes without a backslash. */
export function rowsOf(body: string | undefined): string[][] {
  const rows: string[][] = [];
  let inTable = 0;
  for (const line of (body ?? '').split('\n')) {
    inTable = line.startsWith('|') ? inTable + 1 : 0;
    // Each table's first two lines are its header and the line under it.
    if (inTable > 2) rows.push(line.slice(1, -1).split(/(?<!\\)\|/).map(cell => cell.trim()));
  }
  return rows;
}

/** The page headlines in a job summary: one per page. */
export function pagesOf(markdown: string): string[] {
  return markdown.split('\n').filter(line => line.startsWith('## '));
}

/** Checks a summary the tests produced and keeps it in .summaries/, for `npm run render-summaries` to show as GitHub would. */
export async function keepSummary(name: string, markdown: string): Promise<void> {
  expectWellFormedSummary(markdown);
  const dir = path.resolve('.summaries');
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, `${name}.md`), markdown);
}

/**
 * What every job summary must be, whatever it tells: each page opens with its headline, every
 * chart has at least two points and a value, and failure text is a quote that wraps, never a
 * code block that cuts it off.
 */
export function expectWellFormedSummary(markdown: string): void {
  for (const page of markdown.split(/^(?=## )/m).filter(part => part.startsWith('## '))) {
    expect(page.split('\n')[0]).toMatch(/^## \S.* \((blue|green)[^)]*\) → .*\((blue|green)[^)]*\)$/);
    for (const [, block] of page.matchAll(/```mermaid\n([\s\S]*?)\n```/g)) {
      const labels = /x-axis \[(.*)\]/.exec(block ?? '')?.[1]?.split(', ') ?? [];
      expect(labels.length).toBeGreaterThanOrEqual(2);
      expect(block).toMatch(/line \[[^\]]*[1-9]/);
    }
    const failure = sectionsOf(page).get('What went wrong');
    if (failure !== undefined) {
      expect(failure).not.toContain('```');
      expect(failure).toMatch(/^> /m);
      expect(failure).toMatch(/\*\*What to do next:\*\* \S/);
    }
  }
}
