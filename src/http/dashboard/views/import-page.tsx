/** @jsxImportSource hono/jsx */
import type { ImportOutcome } from "../../../core/imports/run-import";
import { Layout, type PageContext } from "./layout";

export type ImportKind = "units" | "targets";
export const IMPORT_KINDS: ImportKind[] = ["units", "targets"];

/** `/admin/import`: upload form, then the preview (counts, problems, first rows) with save/discard. */
export function ImportPage(props: { c: PageContext; kind: ImportKind; fileName?: string; outcome?: ImportOutcome; sample?: { row: number; fields: [string, unknown][] }[]; notice?: string; error?: string }) {
  const { c, outcome } = props;
  const tr = c.var.tr;
  const Csrf = () => <input type="hidden" name="_csrf" value={c.var.csrf} />;
  const issue = (i: { row: number; messageKey: string; args: Record<string, string | number> }, key: string) => tr(key, { row: i.row, message: tr(i.messageKey, i.args) });
  return (
    <Layout c={c} title={tr("dash-admin-import")}>
      <h1>{tr("dash-admin-import")}</h1>
      {props.notice ? <p class="notice" role="status">{props.notice}</p> : null}
      {props.error ? <p class="error" role="alert">{props.error}</p> : null}
      {outcome ? (
        <section class="import-preview">
          <h2>{tr("dash-import-preview", { file: props.fileName ?? "" })}</h2>
          {outcome.fileError ? <p class="error" role="alert">{tr(outcome.fileError.messageKey, outcome.fileError.args)}</p> : null}
          {outcome.ok ? (
            <p class="summary">{tr("dash-import-would", { rows: outcome.rows, inserted: outcome.inserted, updated: outcome.updated })}</p>
          ) : !outcome.fileError ? (
            <p class="error" role="alert">{tr("import-failed", { count: outcome.errorCount })}</p>
          ) : null}
          {outcome.errors.length > 0 ? <ul class="errors">{outcome.errors.map((e) => <li>{issue(e, "import-row-error")}</li>)}</ul> : null}
          {outcome.warnings.length > 0 ? <ul class="warnings">{outcome.warnings.map((e) => <li>{issue(e, "import-warning")}</li>)}</ul> : null}
          {props.sample && props.sample.length > 0 ? (
            <table class="sample">
              <thead>
                <tr>
                  <th scope="col">{tr("dash-import-row")}</th>
                  {props.sample[0]!.fields.map(([k]) => <th scope="col">{k}</th>)}
                </tr>
              </thead>
              <tbody>
                {props.sample.map((r) => (
                  <tr>
                    <td class="num">{r.row}</td>
                    {r.fields.map(([, v]) => <td>{v === null || v === undefined ? "" : String(v)}</td>)}
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {outcome.ok && outcome.batchId !== undefined ? (
            <div class="inline">
              <form method="post" action={`/admin/import/${outcome.batchId}/apply`} class="inline">
                <Csrf />
                <input type="hidden" name="kind" value={props.kind} />
                <button type="submit" class="primary">{tr("dash-import-save")}</button>
              </form>{" "}
              <form method="post" action={`/admin/import/${outcome.batchId}/discard`} class="inline">
                <Csrf />
                <input type="hidden" name="kind" value={props.kind} />
                <button type="submit">{tr("dash-import-discard")}</button>
              </form>
            </div>
          ) : null}
        </section>
      ) : null}
      <form method="post" action="/admin/import" enctype="multipart/form-data" class="stacked">
        <Csrf />
        <label>
          {tr("dash-import-kind")}
          <select name="kind">{IMPORT_KINDS.map((k) => <option value={k} selected={k === props.kind}>{tr("dash-import-kind-name", { kind: k })}</option>)}</select>
        </label>
        <label>
          {tr("dash-import-file")} <input type="file" name="file" accept=".xlsx,.csv" required />
        </label>
        <small>{tr("dash-import-hint")}</small>
        <button type="submit" class="primary">{tr("dash-import-check")}</button>
      </form>
    </Layout>
  );
}
