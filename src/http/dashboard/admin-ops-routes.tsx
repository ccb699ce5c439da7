/** @jsxImportSource hono/jsx */
import type { Context, Hono, MiddlewareHandler } from "hono";
import { auditActions, auditPage } from "../../core/audit/audit-page";
import { deadLetters, retryDeadLetter } from "../../core/outbox/dead-letters";
import { outboxSummary } from "../../core/outbox/outbox-status";
import { CHANNELS, type Channel } from "../../core/records";
import { auditAdmin } from "./admin-audit";
import type { DashboardEnv } from "./dashboard-env";
import type { DashboardDeps } from "./index";
import { requireAccount } from "./require-account";
import { AdminIndexPage, AuditPage, OutboxPage } from "./views/admin-ops-pages";
import { MessagePage } from "./views/message-page";

export const PAGE_SIZE = 50;

/**
 * Outbox rows and audit entries carry no unit (a message names a contact, a failed look-up
 * nobody), so they cannot be cut to a commune: only national accounts see them.
 */
export function requireNational(): MiddlewareHandler<DashboardEnv> {
  return async (c, next) => {
    if (c.var.account?.scopeUnitId !== null) return c.html(<MessagePage c={c} title={c.var.tr("dash-admin-national-only")} />, 403);
    await next();
  };
}

/** `?page=` as a positive integer (1 when missing or nonsense). */
export const pageOf = (c: Context<DashboardEnv>) => Math.max(1, Math.min(100_000, Number.parseInt(c.req.query("page") ?? "1", 10) || 1));

/** GET /admin, /admin/outbox (+ POST retry), /admin/audit. */
export function registerAdminOpsRoutes(dash: Hono<DashboardEnv>, deps: DashboardDeps): void {
  const now = () => deps.now?.() ?? new Date();

  dash.get("/admin", requireAccount(), (c) => c.html(<AdminIndexPage c={c} national={c.var.account!.scopeUnitId === null} />));

  const outboxPage = async (c: Context<DashboardEnv>, notice?: string) => {
    const asked = c.req.query("channel");
    const channel = (CHANNELS as readonly string[]).includes(asked ?? "") ? (asked as Channel) : undefined;
    const page = pageOf(c);
    const [summary, dead] = await Promise.all([outboxSummary(deps.db), deadLetters(deps.db, { channel, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })]);
    return c.html(<OutboxPage c={c} summary={summary} dead={dead.rows} total={dead.total} page={page} pageSize={PAGE_SIZE} now={now()} notice={notice} />);
  };

  dash.get("/admin/outbox", requireAccount(), requireNational(), (c) => {
    const retried = c.req.query("retried");
    return outboxPage(c, retried && /^\d+$/.test(retried) ? c.var.tr("dash-dead-retried", { id: retried }) : undefined);
  });

  dash.post("/admin/outbox/:id/retry", requireAccount(), requireNational(), async (c) => {
    const id = Number(c.req.param("id"));
    const ok = Number.isInteger(id) && (await retryDeadLetter(deps.db, id, now()));
    if (!ok) return c.html(<MessagePage c={c} title={c.var.tr("dash-dead-retry-refused")} />, 409);
    await auditAdmin(deps.db, c, now(), { action: "outbox.retried", subjectKind: "outbox_message", subjectId: id });
    return c.redirect(`/admin/outbox?retried=${id}`, 303);
  });

  dash.get("/admin/audit", requireAccount(), requireNational(), async (c) => {
    const action = c.req.query("action")?.slice(0, 64) || undefined;
    const page = pageOf(c);
    const [log, actions] = await Promise.all([auditPage(deps.db, { action, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }), auditActions(deps.db)]);
    return c.html(<AuditPage c={c} rows={log.rows} actions={actions} action={action} total={log.total} page={page} pageSize={PAGE_SIZE} />);
  });
}
