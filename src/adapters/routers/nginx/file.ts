import type { RouterState } from '../../../core/router-state.js';
import { sealGenerated, unsealGenerated } from '../common/generated-file.js';
import { LUA_MARK, parseLuaBody, renderLuaBody } from './lua.js';
import { parseReloadBody, renderNginx } from './reload.js';
import type { Affinity } from '../router.js';

/**
 * How the file moves traffic: a plain upstream nginx takes up on reload, or a
 * Lua balancer with its admin listener; either one with session affinity or without.
 */
export type NginxLayout = ({ mode: 'reload' } | { mode: 'lua'; admin: string }) & { affinity?: Affinity };

export interface NginxFile {
  state: RouterState;
  layout: NginxLayout;
}

export function sameLayout(a: NginxLayout, b: NginxLayout): boolean {
  const sameMode = a.mode === 'reload' ? b.mode === 'reload' : b.mode === 'lua' && a.admin === b.admin;
  return sameMode && a.affinity?.cookie === b.affinity?.cookie;
}

export function describeLayout(layout: NginxLayout): string {
  const mode = layout.mode === 'reload' ? 'mode reload' : `mode lua, admin listener ${layout.admin}`;
  return layout.affinity ? `${mode}, session affinity on the cookie ${layout.affinity.cookie}` : mode;
}

/** The whole generated file for a state: cutover's header, then the body it digests. */
export function renderNginxFile(state: RouterState, layout: NginxLayout = { mode: 'reload' }): string {
  return sealGenerated(layout.mode === 'reload' ? renderNginx(state, layout.affinity) : renderLuaBody(state, layout.admin, layout.affinity));
}

/** Reads a generated file back, in either layout, once its header proves cutover wrote it and nobody changed it since. */
export function readNginxFile(text: string, file: string): NginxFile {
  const body = unsealGenerated(text, file);
  if (body.startsWith(`${LUA_MARK}\n`)) {
    const { state, admin, affinity } = parseLuaBody(body, file);
    return { state, layout: { mode: 'lua', admin, ...(affinity ? { affinity } : {}) } };
  }
  const { state, affinity } = parseReloadBody(body, file);
  return { state, layout: { mode: 'reload', ...(affinity ? { affinity } : {}) } };
}

/** The state a generated file describes, in either layout. */
export function parseNginx(text: string, file: string): RouterState {
  return readNginxFile(text, file).state;
}
