/** @jsxImportSource hono/jsx */
import type { Context, Hono } from "hono";
import { createConversation } from "../../core/conversation/create-conversation";
import { trialIdentity, type TrialRole } from "../../core/conversation/web-trial";
import { unitsInScope } from "../../core/units/units-in-scope";
import { unitInScope } from "../../core/auth/admin-accounts";
import { unitByCode } from "../../core/units/find-unit";
import { AppError } from "../../errors";
import { field } from "./form-fields";
import type { DashboardEnv } from "./dashboard-env";
import type { DashboardDeps } from "./index";
import { requireAccount } from "./require-account";
import { todayFor } from "./unit-access";
import { TryBotPage } from "./views/try-bot-page";

/**
 * GET/POST /try: the conversation core behind a form, for demos and training. Messages go
 * through the same use cases as Telegram, Zalo and SMS, on the `web` channel; replies are
 * shown on the page and nothing is sent anywhere.
 */
/** Above this many communes and villages the page asks for a unit code instead of a list. */
const MAX_OPTIONS = 300;

export function registerTryBotRoutes(dash: Hono<DashboardEnv>, deps: DashboardDeps): void {
  const handle = deps.protector
    ? createConversation({ db: deps.db, protector: deps.protector, t: deps.t, defaultLocale: deps.config.defaultLocale, timezone: deps.config.timezone, chart: deps.chart })
    : undefined;
  /** Communes and villages the account may act in, communes first in code order. */
  const roles = async (c: Context<DashboardEnv>) => {
    const scope = c.var.account!.scopeUnitId;
    const today = todayFor(deps);
    const [communes, villages] = await Promise.all([unitsInScope(deps.db, { scopeUnitId: scope, level: "commune", today }), unitsInScope(deps.db, { scopeUnitId: scope, level: "village", today })]);
    const all = [...communes, ...villages];
    // A national account would get every village of the country: it types a code instead.
    return all.length > MAX_OPTIONS ? undefined : all.sort((a, b) => a.code.localeCompare(b.code));
  };

  dash.get("/try", requireAccount(), async (c) => c.html(<TryBotPage c={c} as="resident" units={await roles(c)} error={handle ? undefined : c.var.tr("dash-not-available")} />));

  dash.post("/try", requireAccount(), async (c) => {
    const body = await c.req.parseBody();
    const units = await roles(c);
    const typed = field(body, "as", 32);
    const as = typed === "" ? "resident" : typed;
    const text = field(body, "text", 1000);
    const action = field(body, "action", 64);
    const page = (extra: { said?: string; replies?: Parameters<typeof TryBotPage>[0]["replies"]; error?: string }, status: 200 | 400 | 503 = 200) =>
      c.html(<TryBotPage c={c} as={as} units={units} {...extra} />, status);
    if (!handle) return page({ error: c.var.tr("dash-not-available") }, 503);
    const found = as === "resident" ? undefined : await unitByCode(deps.db, as);
    // Only communes and villages inside the account's scope can be spoken for.
    const unit = found && (found.level === "commune" || found.level === "village") && (await unitInScope(deps.db, found, c.var.account!.scopeUnitId)) ? found : undefined;
    if (as !== "resident" && !unit) return page({ error: c.var.tr("dash-try-bad-unit", { code: as }) }, 400);
    if (!text && !action) return page({ error: c.var.tr("dash-try-empty") }, 400);
    const role: TrialRole = unit ? { kind: "officer", unit } : { kind: "resident" };
    const now = deps.now?.() ?? new Date();
    try {
      const senderId = await trialIdentity(deps.db, { accountId: c.var.account!.id, username: c.var.account!.username, role, now });
      const replies = await handle({ channel: "web", senderId, text: action ? undefined : text, action: action || undefined, languageHint: c.var.locale, displayName: c.var.account!.username, receivedAt: now });
      return page({ said: action ? undefined : text, replies });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      return page({ error: c.var.tr(err.messageKey, err.args) }, 400);
    }
  });
}
