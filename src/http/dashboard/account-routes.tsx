/** @jsxImportSource hono/jsx */
import type { Hono } from "hono";
import { getCookie } from "hono/cookie";
import { changeOwnPassword, MAX_PASSWORD_LENGTH } from "../../core/auth/account-maintenance";
import { LOGIN_LIMITS, loginBlocked, recordLoginFailure } from "../../core/auth/login-throttle";
import { AppError } from "../../errors";
import { clientAddress } from "./auth-routes";
import { SESSION_COOKIE } from "./dashboard-cookies";
import type { DashboardEnv } from "./dashboard-env";
import type { DashboardDeps } from "./index";
import { requireAccount } from "./require-account";
import { PasswordPage } from "./views/password-page";

/** GET/POST /account/password: any signed-in account changes its own password. */
export function registerAccountRoutes(dash: Hono<DashboardEnv>, deps: DashboardDeps): void {
  dash.get("/account/password", requireAccount(), (c) => c.html(<PasswordPage c={c} />));

  dash.post("/account/password", requireAccount(), async (c) => {
    const body = await c.req.parseBody();
    const text = (name: string) => (typeof body[name] === "string" ? (body[name] as string).slice(0, MAX_PASSWORD_LENGTH + 1) : "");
    const account = c.var.account!;
    const now = deps.now?.() ?? new Date();
    // A wrong current password counts as a failed sign-in: a stolen session cannot be used to guess it.
    const attempt = { username: account.username, address: clientAddress(c, deps), now, requestId: c.var.requestId };
    if ((await loginBlocked(deps.db, attempt)) !== "open") return c.html(<PasswordPage c={c} error={c.var.tr("dashboard-login-throttled", { minutes: LOGIN_LIMITS.windowMs / 60_000 })} />, 429);
    try {
      const { sessionsEnded } = await changeOwnPassword(deps.db, {
        account,
        current: text("current"),
        next: text("next"),
        confirm: text("confirm"),
        sessionToken: getCookie(c, SESSION_COOKIE) ?? "",
        now,
        pepper: deps.config.admin.pepper,
      });
      deps.logger.info("dashboard.password_changed", { requestId: c.var.requestId, sessionsEnded });
      return c.html(<PasswordPage c={c} notice={c.var.tr("account-password-changed", { sessions: sessionsEnded })} />);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      if (err.messageKey === "account-password-wrong-current") await recordLoginFailure(deps.db, attempt);
      return c.html(<PasswordPage c={c} error={c.var.tr(err.messageKey, err.args)} />, 400);
    }
  });
}
