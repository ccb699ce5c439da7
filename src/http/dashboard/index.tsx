import { Hono, type MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import type { AppDeps } from "../../app";
import type { AppEnv } from "../app-env";
import { findAdminById } from "../../core/auth/admin-accounts";
import { sessionActive } from "../../core/auth/admin-sessions";
import { bytesMatch } from "../../core/auth/secret-compare";
import type { SessionSigner } from "../../core/auth/session-token";
import type { DashboardEnv } from "./dashboard-env";
import { CSRF_COOKIE, SESSION_COOKIE, ensureCsrfToken, isHttps, pickLocale } from "./dashboard-cookies";
import { crossSiteGuard, securityHeaders } from "./security-headers";
import { loadSessionSigner } from "./session-key";
import { DASHBOARD_CSS } from "./views/dashboard-css";
import { PAGES_CSS } from "./views/pages-css";
import { registerAuthRoutes } from "./auth-routes";
import { registerUnitRoutes } from "./unit-routes";
import { registerReportRoutes } from "./report-routes";
import { registerZaloOAuthRoutes } from "./zalo-oauth-routes";
import { MessagePage } from "./views/message-page";
import { PAGE_PATHS, lookupAlarmBanner, registerDashPages } from "./dash-pages";
import { FORM_BODY_LIMIT, readCappedBody } from "../middleware/body-cap";
import { MAX_UPLOAD_BYTES } from "../../core/imports/read-upload";
import type { AdminAccount } from "../../core/auth/admin-accounts";

/** Paths the dashboard owns; its middleware runs only there, never on webhooks or /healthz. */
const DASHBOARD_PATHS = ["/", "/national.csv", "/login", "/logout", "/units/*", "/dashboard.css", "/admin/zalo/*", ...PAGE_PATHS];

/** What the dashboard routes share: the app's deps and the session signer (built once, lazily). */
export interface DashboardDeps extends AppDeps {
  signer: () => Promise<SessionSigner | undefined>;
}

/** Registers the web dashboard: sign-in, overview, unit pages and monthly reports. */
export function registerDashboard(app: Hono<AppEnv>, appDeps: AppDeps): void {
  let signer: Promise<SessionSigner | undefined> | undefined;
  const deps: DashboardDeps = { ...appDeps, signer: () => (signer ??= loadSessionSigner(appDeps.config, appDeps.protector)) };
  const dash = new Hono<DashboardEnv>();
  for (const path of DASHBOARD_PATHS) {
    dash.use(path, securityHeaders());
    dash.use(path, dashboardContext(deps));
    dash.use(path, crossSiteGuard(deps.config.publicUrl, async (c) => c.html(<MessagePage c={c} title={c.var.tr("dashboard-csrf-failed")} />, 403)));
    dash.use(path, lookupAlarmBanner(deps));
  }
  dash.get("/dashboard.css", (c) => c.body(DASHBOARD_CSS + PAGES_CSS, 200, { "content-type": "text/css; charset=utf-8", "cache-control": "public, max-age=3600" }));
  registerAuthRoutes(dash, deps);
  registerUnitRoutes(dash, deps);
  registerReportRoutes(dash, deps);
  registerZaloOAuthRoutes(dash, deps);
  registerDashPages(dash, deps);
  app.route("/", dash as unknown as Hono<AppEnv>);
}

/** The import upload (national accounts, signed in) may carry a file; every other form is small. */
export function bodyLimitFor(path: string, account: AdminAccount | undefined): number {
  // Room for the multipart envelope and the other fields.
  return path === "/admin/import" && account && account.scopeUnitId === null ? MAX_UPLOAD_BYTES + 64 * 1024 : FORM_BODY_LIMIT;
}

/** Locale, the signed-in account, the body cap and the CSRF token: POSTs must echo it. */
function dashboardContext(deps: DashboardDeps): MiddlewareHandler<DashboardEnv> {
  return async (c, next) => {
    // Overlapping paths ("/campaigns" and "/campaigns/*") run this twice: the body is read once.
    if ((c.var as Partial<DashboardEnv["Variables"]>).locale) return next();
    const secure = isHttps(c, deps.config.publicUrl);
    const locale = pickLocale(c, deps.config.defaultLocale, secure);
    c.set("locale", locale);
    c.set("tr", (key, args) => deps.t(locale, key, args));
    const token = getCookie(c, SESSION_COOKIE);
    const signerNow = token ? await deps.signer() : undefined;
    const claims = token && signerNow ? await signerNow.verify(token, deps.now?.() ?? new Date()) : undefined;
    if (claims && (await sessionActive(deps.db, token!, claims.accountId, deps.now?.() ?? new Date()))) {
      const account = await findAdminById(deps.db, claims.accountId);
      if (account?.status === "active") c.set("account", account);
    }
    if (c.req.method !== "GET" && c.req.method !== "HEAD") {
      // Counted before anything parses it: a few kB for a form, the upload size only for a signed-in import.
      if (!(await readCappedBody(c, bodyLimitFor(c.req.path, c.var.account)))) {
        c.set("csrf", ensureCsrfToken(c, secure));
        const key = c.req.path === "/admin/import" && c.var.account ? "import-upload-too-large" : "dashboard-body-too-large";
        return c.html(<MessagePage c={c} title={c.var.tr(key, { mb: MAX_UPLOAD_BYTES / 1024 / 1024 })} />, 413);
      }
      const cookie = getCookie(c, CSRF_COOKIE) ?? "";
      const body = await c.req.parseBody();
      const field = typeof body["_csrf"] === "string" ? body["_csrf"] : "";
      const enc = new TextEncoder();
      if (!cookie || !bytesMatch(enc.encode(cookie), enc.encode(field))) {
        c.set("csrf", ensureCsrfToken(c, secure, true));
        return c.html(<MessagePage c={c} title={c.var.tr("dashboard-csrf-failed")} />, 403);
      }
    }
    c.set("csrf", ensureCsrfToken(c, secure));
    await next();
  };
}
