/** @jsxImportSource hono/jsx */
import type { Context, Hono } from "hono";
import { findAdminByUsername, normaliseUsername } from "../../core/auth/admin-accounts";
import { LOGIN_LIMITS, createLoginRateGate, loginBlocked, recordLogin, recordLoginFailure } from "../../core/auth/login-throttle";
import { resolveClientAddress } from "../../core/auth/client-address";
import { needsPepper, verifyPassword } from "../../core/auth/password-hash";
import { upgradePasswordHash } from "../../core/auth/account-maintenance";
import type { DashboardEnv } from "./dashboard-env";
import type { DashboardDeps } from "./index";
import { getCookie } from "hono/cookie";
import { pruneSessions, recordSession, revokeSession, sessionId } from "../../core/auth/admin-sessions";
import { SESSION_COOKIE, SESSION_TTL_MS, clearSessionCookie, ensureCsrfToken, isHttps, setSessionCookie } from "./dashboard-cookies";
import { LoginPage } from "./views/login-page";

// Verified when the username is unknown, so a miss takes as long as a wrong password.
const DUMMY_HASH = "pbkdf2-sha256$100000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

/**
 * Only our own paths. The value is parsed as a browser would (which drops tabs and newlines and
 * reads "\\" as "/"), against a placeholder origin: `/\t/evil.example` or `//evil.example`
 * resolve to another host and are refused; what is kept is the parsed path, query and fragment.
 */
export function safeNext(next: unknown): string {
  if (typeof next !== "string" || !next.startsWith("/") || next.length > 2048) return "/";
  const base = "https://dashboard.invalid";
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    return "/";
  }
  if (url.origin !== base) return "/";
  const path = url.pathname + url.search + url.hash;
  // A path that starts with two slashes would read as a host again in the Location header.
  return path.startsWith("//") ? "/" : path;
}

/** The client's address: the peer the entry reports, or behind TRUSTED_PROXIES the first hop that is not ours. */
export function clientAddress(c: Context, deps: Pick<DashboardDeps, "peerAddress" | "config">): string {
  return resolveClientAddress(deps.peerAddress?.(c), c.req.header("x-forwarded-for"), deps.config.trustedProxies);
}

/** GET/POST /login and POST /logout. */
export function registerAuthRoutes(dash: Hono<DashboardEnv>, deps: DashboardDeps): void {
  const admit = createLoginRateGate(deps.config.loginChecksPerSecond);
  dash.get("/login", (c) => {
    if (c.var.account) return c.redirect(safeNext(c.req.query("next")), 303);
    return c.html(<LoginPage c={c} next={safeNext(c.req.query("next"))} />);
  });

  dash.post("/login", async (c) => {
    const body = await c.req.parseBody();
    const username = normaliseUsername(typeof body["username"] === "string" ? body["username"].slice(0, 64) : "");
    const password = typeof body["password"] === "string" ? body["password"].slice(0, 256) : "";
    const next = safeNext(body["next"]);
    const fail = (key: string, status: 400 | 401 | 429 | 503, args?: Record<string, number>) =>
      c.html(<LoginPage c={c} next={next} username={username} error={c.var.tr(key, args)} />, status);
    const signer = await deps.signer();
    if (!signer) return fail("dashboard-not-configured", 503);
    const now = deps.now?.() ?? new Date();
    const attempt = { username, address: clientAddress(c, deps), now, requestId: c.var.requestId };
    const block = await loginBlocked(deps.db, attempt);
    if (block === "address") return fail("dashboard-login-throttled", 429, { minutes: LOGIN_LIMITS.windowMs / 60_000 });
    // The gate guards real CPU, so it reads the wall clock, not the app's (tests fix that one).
    if (block === "slow" || !admit(new Date())) return fail("dashboard-login-busy", 429);
    const account = username ? await findAdminByUsername(deps.db, username) : undefined;
    const pepper = deps.config.admin.pepper;
    const ok = await verifyPassword(password, account?.passwordHash ?? DUMMY_HASH, pepper);
    if (!account || !ok || account.status !== "active") {
      await recordLoginFailure(deps.db, attempt);
      deps.logger.warn("dashboard.login_failed", { requestId: c.var.requestId });
      return fail("dashboard-login-failed", 401);
    }
    await recordLogin(deps.db, attempt);
    if (pepper && needsPepper(account.passwordHash, pepper)) await upgradePasswordHash(deps.db, { accountId: account.id, password, pepper, now });
    const secure = isHttps(c, deps.config.publicUrl);
    const token = await signer.sign({ accountId: account.id, exp: now.getTime() + SESSION_TTL_MS });
    await pruneSessions(deps.db, now);
    await recordSession(deps.db, { token, accountId: account.id, now, expiresAt: new Date(now.getTime() + SESSION_TTL_MS), userAgent: c.req.header("user-agent") });
    setSessionCookie(c, token, secure);
    // A new token after sign-in: one planted before it (login CSRF) is useless afterwards.
    ensureCsrfToken(c, secure, true);
    return c.redirect(next, 303);
  });

  dash.post("/logout", async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) await revokeSession(deps.db, await sessionId(token), deps.now?.() ?? new Date());
    clearSessionCookie(c, isHttps(c, deps.config.publicUrl));
    return c.redirect("/login", 303);
  });
}
