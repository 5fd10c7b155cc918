import net from 'node:net';
import { COLORS, type Color } from '../../../core/color.js';
import { BadInputError, ReleaseError } from '../../../shared/errors.js';
import type { RouterState } from '../../../core/router-state.js';
import { COOKIE_ATTRIBUTES } from '../common/affinity.js';
import { COLOR_HEADER, GENERATION_HEADER, generationOf } from '../common/confirm.js';
import { affinityIn, affinityMap } from './reload.js';
import type { Affinity } from '../router.js';

/**
 * `router.mode: lua`: the generated file holds a Lua balancer that reads the
 * state from a shared dict on every request, so a switch changes the dict
 * (through a small admin listener on loopback) and nginx is never reloaded.
 */

/** First line of a Lua-mode body; tells the two layouts apart. */
export const LUA_MARK = '# router.mode lua: a switch changes the shared dict below through the admin listener; nginx is not reloaded.';

/** Where the admin listener answers: GET reads the state, POST changes it. */
export const ADMIN_PATH = '/state';

const LINE = /^([0-9a-f]{12}) (\S+) (\d+) (\S+) (\d+)$/;

/**
 * One line that carries a whole state, as the dict and the admin listener hold
 * it: `<generation> <blue address> <blue weight> <green address> <green weight>`.
 * One value, so a worker always reads a whole state, never half of a change.
 */
export function stateLine(state: RouterState): string {
  return [generationOf(state), ...COLORS.flatMap(color => [state.endpoints[color], String(state.weights[color])])].join(' ');
}

/** The state a line describes, or null for a line that is not one (or whose generation does not match its content). */
export function stateFromLine(line: string, upstream: string): RouterState | null {
  const match = LINE.exec(line);
  if (!match) return null;
  const state: RouterState = {
    kind: 'nginx',
    endpoints: { blue: match[2] as string, green: match[4] as string },
    weights: { blue: Number(match[3]), green: Number(match[5]) },
    settings: { upstream }
  };
  return stateLine(state) === line ? state : null;
}

/** nginx's Lua balancer cannot resolve names: each color must be an IP address and port. */
function checkPeer(color: Color, endpoint: string): void {
  const host = /^(?:\[([^\]]+)\]|([^:]+)):\d+$/.exec(endpoint);
  if (!host || net.isIP((host[1] ?? host[2]) as string) === 0) {
    throw new BadInputError(
      `colors.${color}.upstream: router.mode lua needs an IP address and port (nginx's Lua balancer does not resolve names), got "${endpoint}". ` +
        'Give the address, like 10.0.0.5:8081 or [fd00::5]:8081, or use router.mode reload, where nginx resolves names when it loads the file.'
    );
  }
}

/** With affinity, the balancer keeps a client whose cookie names a color with traffic on that color. */
function stickyPick(name: string): string {
  return `
        -- Session affinity: a client whose cookie names a color with traffic stays on it.
        local sticky = ngx.var.${name}_affinity
        if sticky == "blue" and blue_weight > 0 then
            color, peer = "blue", blue
        elseif sticky == "green" and green_weight > 0 then
            color, peer = "green", green
        end`;
}

/** With affinity, the header filter tells a client that named no color, or another, where it landed. */
function stickyCookie(name: string, affinity: Affinity): string {
  return `
        if color ~= ngx.var.${name}_affinity then
            -- Added to the application's own headers, never in their place; private, so that no shared cache hands the cookie to others.
            for header, value in pairs({ ["Set-Cookie"] = "${affinity.cookie}=" .. color .. "; ${COOKIE_ATTRIBUTES}", ["Cache-Control"] = "private" }) do
                local values = ngx.header[header] or {}
                if type(values) == "string" then
                    values = { values }
                end
                values[#values + 1] = value
                ngx.header[header] = values
            end
        end`;
}

/** The Lua-mode body for a state, its admin listener on `admin` (a loopback host:port). */
export function renderLuaBody(state: RouterState, admin: string, affinity?: Affinity): string {
  for (const color of COLORS) checkPeer(color, state.endpoints[color]);
  const name = String(state.settings.upstream);
  const dict = `ngx.shared.${name}`;
  const served = `ngx.var.${name}_served`;
  return `${LUA_MARK}
# The dict survives reloads; when it is empty (after a restart) the state of this file serves.
lua_shared_dict ${name} 1m;

# The state this file describes.
map "" $${name}_file_state {
    default "${stateLine(state)}";
}

# Which color served the request and under which state ("blue <generation>"), set by the balancer.
# A variable survives internal redirects (error_page), where ngx.ctx does not, so the log phase always finds it.
map "" $${name}_served {
    default "";
}
map $${name}_served $${name}_color {
    volatile;
    default "";
    "~^(\\S+) " $1;
}
map $${name}_served $${name}_generation {
    volatile;
    default "";
    "~ (\\S+)$" $1;
}${affinity ? ['\n', ...affinityMap(name, affinity)].join('\n') : ''}

upstream ${name} {
    server 0.0.0.1; # a placeholder: the balancer picks blue or green for each request
    balancer_by_lua_block {
        local dict = ${dict}
        local generation, blue, blue_weight, green, green_weight =
            (dict:get("state") or ngx.var.${name}_file_state):match("^(%x+) (%S+) (%d+) (%S+) (%d+)$")
        blue_weight, green_weight = tonumber(blue_weight), tonumber(green_weight)
        local color, peer = "blue", blue
        if green_weight > 0 and math.random(blue_weight + green_weight) > blue_weight then
            color, peer = "green", green
        end${affinity ? stickyPick(name) : ''}
        -- One count per request (the log phase takes it back); a retry or a second pass after a redirect moves it.
        if not ngx.is_subrequest then
            local before = ${served}
            if before ~= "" then
                dict:incr("in_flight " .. before:match("^%S+"), -1, 0)
            end
            dict:incr("in_flight " .. color, 1, 0)
        end
        ${served} = color .. " " .. generation
        local ok, err = require("ngx.balancer").set_current_peer(peer)
        if not ok then
            error("cutover: cannot send to " .. color .. " at " .. peer .. ": " .. err)
        end
    }
    keepalive 32;
    # Shorter than application servers' idle timeouts, so nginx never reuses a connection the app is closing.
    keepalive_timeout 1s;
}

# http-level hooks: a location with its own header_filter_by_lua* or log_by_lua* replaces them (see docs/routers/nginx.md).
header_filter_by_lua_block {
    local color, generation = ${served}:match("^(%S+) (%S+)$")
    if color then
        ngx.header["${COLOR_HEADER}"] = color
        ngx.header["${GENERATION_HEADER}"] = generation${affinity ? stickyCookie(name, affinity) : ''}
    end
}
log_by_lua_block {
    local served = ${served}
    if served ~= "" then
        ${dict}:incr("in_flight " .. served:match("^%S+"), -1, 0)
    end
}

# cutover's admin listener, on loopback only: GET reads the state and the requests in flight per color,
# POST expected=<state>&state=<state> changes the state if it still is the expected one.
server {
    listen ${admin};
    access_log off;
    location = ${ADMIN_PATH} {
        content_by_lua_block {
            local dict = ${dict}
            local function answer(status)
                local live = dict:get("state")
                ngx.status = status
                ngx.header["Content-Type"] = "application/json"
                ngx.say(string.format('{"state":%s,"file":"%s","in_flight":{"blue":%d,"green":%d}}',
                    live and ('"' .. live .. '"') or "null", ngx.var.${name}_file_state,
                    dict:get("in_flight blue") or 0, dict:get("in_flight green") or 0))
            end
            local method = ngx.req.get_method()
            if method == "GET" then
                return answer(200)
            end
            if method ~= "POST" then
                return ngx.exit(405)
            end
            ngx.req.read_body()
            local args = ngx.req.get_post_args()
            local target = type(args.state) == "string" and args.state or ""
            local blue_weight, green_weight = target:match("^%x+ %S+ (%d+) %S+ (%d+)$")
            if not blue_weight or tonumber(blue_weight) + tonumber(green_weight) == 0 then
                return ngx.exit(400)
            end
            -- Compare and set under a short lock: the workers are separate processes.
            if not dict:add("changing", true, 5) then
                return answer(409)
            end
            if (dict:get("state") or ngx.var.${name}_file_state) ~= args.expected then
                dict:delete("changing")
                return answer(409)
            end
            local ok = dict:set("state", target)
            dict:delete("changing")
            return answer(ok and 200 or 507)
        }
    }
}
`;
}

/** The state, admin address and affinity a Lua-mode body describes; refuses a body that does not render back to itself. */
export function parseLuaBody(body: string, file: string): { state: RouterState; admin: string; affinity?: Affinity } {
  const upstream = /^upstream (\S+) \{$/m.exec(body)?.[1];
  const line = /_file_state \{\n {4}default "([^"]*)";/.exec(body)?.[1];
  const admin = /^ {4}listen (\S+);$/m.exec(body)?.[1];
  const state = upstream && line !== undefined ? stateFromLine(line, upstream) : null;
  if (!state || !admin) {
    throw new ReleaseError(`${file}: cannot find the upstream, the state and the admin listener in the generated file. Restore it from a backup.`);
  }
  const affinity = affinityIn(body);
  if (renderLuaBody(state, admin, affinity) !== body) {
    throw new ReleaseError(`${file}: the generated file does not read back to the state it describes. Restore it from a backup.`);
  }
  return affinity ? { state, admin, affinity } : { state, admin };
}
