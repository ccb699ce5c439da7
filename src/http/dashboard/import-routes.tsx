/** @jsxImportSource hono/jsx */
import type { Context, Hono } from "hono";
import { applyHeldImport, discardHeldImport } from "../../core/imports/held-import";
import { readUpload } from "../../core/imports/read-upload";
import { runImport, type ImportSpec } from "../../core/imports/run-import";
import { targetsImportSpec } from "../../core/imports/targets-import";
import { unitsImportSpec } from "../../core/imports/units-import";
import { stagedSample } from "../../core/imports/staged-sample";
import { AppError } from "../../errors";
import { auditAdmin } from "./admin-audit";
import { field } from "./form-fields";
import { requireNational } from "./admin-ops-routes";
import type { DashboardEnv } from "./dashboard-env";
import type { DashboardDeps } from "./index";
import { requireAccount } from "./require-account";
import { IMPORT_KINDS, ImportPage, type ImportKind } from "./views/import-page";

const SAMPLE_ROWS = 20;

/** The CLI's import specs; the source names the file, as `bhyt import` does. */
const specFor = (kind: ImportKind, source: string): ImportSpec<unknown> => (kind === "units" ? unitsImportSpec({ source }) : targetsImportSpec({ source })) as ImportSpec<unknown>;

/**
 * GET/POST /admin/import: units and targets files go through the CLI's pipeline with
 * `hold`, so a valid file is staged and previewed; POST …/apply writes it in one atomic step.
 * National accounts only: the plan tree and targets are set for the whole province.
 */
export function registerImportRoutes(dash: Hono<DashboardEnv>, deps: DashboardDeps): void {
  const now = () => deps.now?.() ?? new Date();
  const actor = (c: Context<DashboardEnv>) => `admin:${c.var.account!.username}`;
  const kindOf = (v: string): ImportKind => (IMPORT_KINDS.includes(v as ImportKind) ? (v as ImportKind) : "units");

  dash.get("/admin/import", requireAccount(), requireNational(), (c) => c.html(<ImportPage c={c} kind={kindOf(c.req.query("kind") ?? "")} />));

  dash.post("/admin/import", requireAccount(), requireNational(), async (c) => {
    const body = await c.req.parseBody();
    const kind = kindOf(field(body, "kind"));
    const file = body["file"];
    if (!(file instanceof File) || file.size === 0) return c.html(<ImportPage c={c} kind={kind} error={c.var.tr("dash-import-no-file")} />, 400);
    const fileName = file.name.slice(0, 120);
    try {
      const rows = await readUpload({ name: fileName, bytes: new Uint8Array(await file.arrayBuffer()) });
      async function* table() {
        yield* rows;
      }
      const outcome = await runImport(deps.db, specFor(kind, fileName), table(), { fileName, actor: actor(c), hold: true });
      const sample = outcome.ok && outcome.batchId !== undefined ? await stagedSample(deps.db, outcome.batchId, SAMPLE_ROWS) : [];
      return c.html(<ImportPage c={c} kind={kind} fileName={fileName} outcome={outcome} sample={sample} />, outcome.ok ? 200 : 400);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      return c.html(<ImportPage c={c} kind={kind} error={c.var.tr(err.messageKey, err.args)} />, 400);
    }
  });

  dash.post("/admin/import/:id/apply", requireAccount(), requireNational(), async (c) => {
    const body = await c.req.parseBody();
    const kind = kindOf(field(body, "kind"));
    try {
      const outcome = await applyHeldImport(deps.db, specFor(kind, "dashboard"), { batchId: Number(c.req.param("id")), actor: actor(c) });
      if (!outcome.ok) return c.html(<ImportPage c={c} kind={kind} outcome={outcome} />, 400);
      await auditAdmin(deps.db, c, now(), { action: `import.${kind}`, subjectKind: "import_batch", subjectId: outcome.batchId, details: { rows: outcome.rows, inserted: outcome.inserted, updated: outcome.updated } });
      return c.html(<ImportPage c={c} kind={kind} notice={c.var.tr("import-done", { rows: outcome.rows, inserted: outcome.inserted, updated: outcome.updated })} />);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      return c.html(<ImportPage c={c} kind={kind} error={c.var.tr(err.messageKey, err.args)} />, 404);
    }
  });

  dash.post("/admin/import/:id/discard", requireAccount(), requireNational(), async (c) => {
    const body = await c.req.parseBody();
    const kind = kindOf(field(body, "kind"));
    try {
      await discardHeldImport(deps.db, { batchId: Number(c.req.param("id")), kind, actor: actor(c) });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
    }
    return c.html(<ImportPage c={c} kind={kind} notice={c.var.tr("dash-import-discarded")} />);
  });
}
