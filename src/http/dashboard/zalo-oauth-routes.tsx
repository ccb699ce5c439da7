/** @jsxImportSource hono/jsx */
import type { Context, Hono, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { readPkceState, savePkceState, spendPkceStateStep } from "../../core/zalo/oa-token-records";
import { createPkce, exchangeCode, permissionUrl } from "../../channels/zalo/oauth-pkce";
import { saveZaloTokenPair } from "../../channels/zalo/token-store";
import type { DashboardEnv } from "./dashboard-env";
import type { DashboardDeps } from "./index";
import { isHttps } from "./dashboard-cookies";
import { requireAccount } from "./require-account";
import { MessagePage } from "./views/message-page";

const STATE_COOKIE = "bhyt_zalo_state";
const STATE_TTL_MS = 10 * 60_000;

/** Only an account without a unit scope (a national administrator) may re-authorise the OA. */
function requireAdmin(): MiddlewareHandler<DashboardEnv> {
  return async (c, next) => {
    if (c.var.account?.scopeUnitId !== null) return c.html(<MessagePage c={c} title={c.var.tr("zalo-oauth-admin-only")} />, 403);
    await next();
  };
}

/**
 * GET /admin/zalo/authorize and /admin/zalo/callback: re-authorising the Zalo OA with PKCE
 * when its refresh token is lost (spent, revoked, -14020). The verifier is sealed in
 * `app_meta` under the state, which is also bound to this browser by a cookie; the callback
 * spends it and stores the new pair in one atomic unit.
 */
export function registerZaloOAuthRoutes(dash: Hono<DashboardEnv>, deps: DashboardDeps): void {
  const now = () => deps.now?.() ?? new Date();
  const page = (c: Context<DashboardEnv>, key: string, status: 200 | 400 | 502 | 503) => c.html(<MessagePage c={c} title={c.var.tr(key)} />, status);

  dash.get("/admin/zalo/authorize", requireAccount(), requireAdmin(), async (c) => {
    const oa = deps.config.zaloOa;
    if (!oa || !deps.config.publicUrl || !deps.protector) return page(c, "zalo-oauth-not-configured", 503);
    const pkce = await createPkce();
    const at = now();
    const sealed = await deps.protector.seal(JSON.stringify({ verifier: pkce.verifier, accountId: c.var.account!.id, expiresAt: at.getTime() + STATE_TTL_MS }));
    await savePkceState(deps.db, pkce.state, sealed, at);
    // Lax: the cookie comes back on Zalo's top-level redirect to the callback.
    setCookie(c, STATE_COOKIE, pkce.state, { path: "/admin/zalo", httpOnly: true, sameSite: "Lax", secure: isHttps(c, deps.config.publicUrl), maxAge: STATE_TTL_MS / 1000 });
    const redirectUri = new URL("/admin/zalo/callback", deps.config.publicUrl).toString();
    return c.redirect(permissionUrl(oa, { redirectUri, challenge: pkce.challenge, state: pkce.state }), 302);
  });

  dash.get("/admin/zalo/callback", requireAccount(), requireAdmin(), async (c) => {
    const oa = deps.config.zaloOa;
    if (!oa || !deps.protector) return page(c, "zalo-oauth-not-configured", 503);
    const state = c.req.query("state") ?? "";
    const code = c.req.query("code") ?? "";
    const cookie = getCookie(c, STATE_COOKIE);
    deleteCookie(c, STATE_COOKIE, { path: "/admin/zalo" });
    if (!state || !code || cookie !== state) return page(c, "zalo-oauth-bad-state", 400);
    const sealedState = await readPkceState(deps.db, state);
    const saved = sealedState ? (JSON.parse(await deps.protector.open(sealedState)) as { verifier: string; accountId: number; expiresAt: number }) : undefined;
    const at = now();
    if (!saved || saved.expiresAt <= at.getTime() || saved.accountId !== c.var.account!.id) return page(c, "zalo-oauth-bad-state", 400);
    const spendState = spendPkceStateStep(state);
    const result = await exchangeCode(oa, { code, verifier: saved.verifier });
    if (!result.ok) {
      deps.logger.error("zalo.oauth_exchange_failed", { error: result.error });
      await deps.db.atomic([spendState]);
      return page(c, "zalo-oauth-failed", 502);
    }
    await saveZaloTokenPair({ db: deps.db, protector: deps.protector }, result, at, [spendState]);
    deps.logger.info("zalo.oauth_reauthorised", { accountId: c.var.account!.id });
    return page(c, "zalo-oauth-done", 200);
  });
}
