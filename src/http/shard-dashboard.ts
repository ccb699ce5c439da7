/**
 * @module The dashboard behind the shard front door: a province account signs in on its own
 * province's database (where its units and figures are) and every later page is served from
 * there. The shard is remembered in a cookie set beside the session; the cookie only chooses
 * which database checks the session, so a forged value gets the sign-in page, never data.
 */
import type { ShardRouter } from "../core/shards/shard-router";
import { shardOfAccount } from "../core/shards/account-shard";
import { SESSION_COOKIE } from "./dashboard/dashboard-cookies";

export const SHARD_COOKIE = "bhyt_shard";
/** A sign-in form is a few hundred bytes; a bigger body is left to the app's own cap (413). */
const LOGIN_PEEK_BYTES = 8 * 1024;

type Fetch = (request: Request, ...rest: never[]) => Response | Promise<Response>;

export function createShardDashboard(deps: { router: ShardRouter; appFor(shard: string): { fetch: Fetch } }) {
  const { router } = deps;
  const fallback = router.defaultShard!;

  async function shardOf(request: Request, path: string): Promise<string> {
    if (path === "/login" && request.method === "POST") {
      const username = await peekUsername(request);
      return (username && (await shardOfAccount(router, username))) || fallback;
    }
    const remembered = cookie(request, SHARD_COOKIE);
    return remembered && router.shards.includes(remembered) ? remembered : fallback;
  }

  return async function serve(request: Request, rest: never[]): Promise<Response> {
    const path = new URL(request.url).pathname;
    const shard = await shardOf(request, path);
    const response = await deps.appFor(shard).fetch(request, ...rest);
    const session = setCookies(response.headers).find((c) => c.startsWith(`${SESSION_COOKIE}=`));
    if (!session) return response;
    // Signed in (a new session) or signed out (the session cleared): the shard cookie follows.
    const signedOut = /max-age=0|expires=thu, 01 jan 1970/i.test(session) || session.startsWith(`${SESSION_COOKIE}=;`);
    const secure = /;\s*secure/i.test(session) ? "; Secure" : "";
    const out = new Response(response.body, response);
    out.headers.append("set-cookie", signedOut ? `${SHARD_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secure}` : `${SHARD_COOKIE}=${shard}; Path=/; HttpOnly; SameSite=Lax${secure}`);
    return out;
  };
}

/** Each Set-Cookie line (Node 20 and workerd have getSetCookie; TypeScript's lib may not know it). */
function setCookies(headers: Headers): string[] {
  const withList = headers as Headers & { getSetCookie?: () => string[] };
  return withList.getSetCookie ? withList.getSetCookie() : [headers.get("set-cookie") ?? ""];
}

function cookie(request: Request, name: string): string | undefined {
  const header = request.headers.get("cookie");
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decodeURIComponent(v.join("="));
  }
  return undefined;
}

/** The form's `username`, read from a copy of at most LOGIN_PEEK_BYTES (the app reads the original). */
async function peekUsername(request: Request): Promise<string | undefined> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.startsWith("application/x-www-form-urlencoded") || !request.body) return undefined;
  const reader = request.clone().body!.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > LOGIN_PEEK_BYTES) return undefined;
      chunks.push(value);
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return new URLSearchParams(new TextDecoder().decode(bytes)).get("username")?.trim() || undefined;
}
