// Extracts the few GitHub REST operations cutover uses from GitHub's published OpenAPI description
// (npm `@octokit/openapi`) into __tests__/fixtures/github-openapi.json. The fake GitHub in the tests
// validates every request and response against that file, so the fake cannot drift from the real API.
// The full package unpacks to hundreds of megabytes, so it is not a dependency: this script fetches it
// on demand, keeps only the listed operations and the `#/components/...` they reference ($refs kept),
// and writes the result with sorted keys so a new version shows up as a readable diff.
//
// Usage: node scripts/github-openapi.mjs [version]   (default 23.0.2)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const VERSION = process.argv[2] ?? '23.0.2';
const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '__tests__', 'fixtures', 'github-openapi.json');

/** [method, path, operationId]: what cutover calls. The id is checked so a renamed operation fails loudly. */
const OPERATIONS = [
  ['post', '/repos/{owner}/{repo}/deployments', 'repos/create-deployment'],
  ['get', '/repos/{owner}/{repo}/deployments', 'repos/list-deployments'],
  ['get', '/repos/{owner}/{repo}/deployments/{deployment_id}', 'repos/get-deployment'],
  ['post', '/repos/{owner}/{repo}/deployments/{deployment_id}/statuses', 'repos/create-deployment-status'],
  ['get', '/repos/{owner}/{repo}/deployments/{deployment_id}/statuses', 'repos/list-deployment-statuses'],
  ['get', '/repos/{owner}/{repo}/environments/{environment_name}', 'repos/get-environment'],
  ['get', '/repos/{owner}/{repo}/actions/runs/{run_id}', 'actions/get-workflow-run'],
  ['get', '/repos/{owner}/{repo}/actions/runs/{run_id}/approvals', 'actions/get-reviews-for-run'],
  ['post', '/repos/{owner}/{repo}/issues', 'issues/create'],
  ['patch', '/repos/{owner}/{repo}/issues/{issue_number}', 'issues/update'],
  ['get', '/repos/{owner}/{repo}/issues/{issue_number}/comments', 'issues/list-comments'],
  ['post', '/repos/{owner}/{repo}/issues/{issue_number}/comments', 'issues/create-comment'],
  ['get', '/orgs/{org}/teams/{team_slug}/memberships/{username}', 'teams/get-membership-for-user-in-org']
];

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}`);
  return result.stdout;
}

/** Downloads the package tarball and unpacks only the api.github.com description from it. */
function loadDescription(version, dir) {
  const packed = JSON.parse(run('npm', ['pack', `@octokit/openapi@${version}`, '--json', '--pack-destination', dir], dir));
  const tarball = path.join(dir, packed[0].filename);
  const member = 'package/generated/api.github.com.json';
  run('tar', ['-xzf', tarball, '-C', dir, member], dir);
  return JSON.parse(readFileSync(path.join(dir, member), 'utf8'));
}

/**
 * Media-type and parameter `examples` are left out: validation does not read them and they reference
 * `#/components/examples`, which would make the file several times larger. Inside `properties` the
 * keys are property names, so a property called `examples` is kept.
 */
function strip(value, parentKey = '') {
  if (Array.isArray(value)) return value.map(inner => strip(inner));
  if (value === null || typeof value !== 'object') return value;
  const out = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key === 'examples' && parentKey !== 'properties' && typeof inner === 'object' && !Array.isArray(inner)) continue;
    out[key] = strip(inner, key);
  }
  return out;
}

function refsIn(value, found = new Set()) {
  if (Array.isArray(value)) for (const inner of value) refsIn(inner, found);
  else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === '$ref' && typeof inner === 'string') found.add(inner);
      else refsIn(inner, found);
    }
  }
  return found;
}

function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map(key => [key, sortKeys(value[key])])
  );
}

function extract(description, version) {
  const paths = {};
  for (const [method, route, operationId] of OPERATIONS) {
    const item = description.paths[route];
    const operation = item?.[method];
    if (!operation) throw new Error(`${method.toUpperCase()} ${route} is not in @octokit/openapi@${version}`);
    if (operation.operationId !== operationId) throw new Error(`${method.toUpperCase()} ${route} is ${operation.operationId}, expected ${operationId}`);
    paths[route] ??= item.parameters ? { parameters: item.parameters } : {};
    paths[route][method] = strip(operation);
  }
  // The transitive closure of component references, walked breadth first.
  const components = {};
  const pending = [...refsIn(paths)];
  const seen = new Set();
  while (pending.length > 0) {
    const ref = pending.shift();
    if (seen.has(ref)) continue;
    seen.add(ref);
    const match = /^#\/components\/([^/]+)\/([^/]+)$/.exec(ref);
    if (!match) throw new Error(`unexpected reference ${ref}`);
    const [, kind, name] = match;
    const target = description.components[kind]?.[name];
    if (target === undefined) throw new Error(`${ref} does not resolve`);
    const kept = strip(target);
    (components[kind] ??= {})[name] = kept;
    pending.push(...refsIn(kept));
  }
  return { source: '@octokit/openapi', version, openapi: description.openapi, paths: sortKeys(paths), components: sortKeys(components) };
}

const dir = mkdtempSync(path.join(tmpdir(), 'github-openapi-'));
try {
  const fixture = extract(loadDescription(VERSION, dir), VERSION);
  mkdirSync(path.dirname(OUT), { recursive: true });
  writeFileSync(OUT, JSON.stringify(fixture, null, 2) + '\n');
  const components = Object.values(fixture.components).reduce((sum, kind) => sum + Object.keys(kind).length, 0);
  console.log(`${path.relative(process.cwd(), OUT)}: ${OPERATIONS.length} operations, ${components} components, ${statSync(OUT).size} bytes`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
