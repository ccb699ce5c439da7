/** @jsxImportSource hono/jsx */
import type { Reply } from "../../../core/conversation/types";
import type { AdminUnit } from "../../../core/records";
import { displayName } from "../../../core/units/unit-levels";
import { Layout, type PageContext } from "./layout";

const toBase64 = (bytes: Uint8Array) => {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};

/** `/try`: one turn with the bot as a resident or an officer; buttons answer the last question. */
export function TryBotPage(props: { c: PageContext; as: string; units: AdminUnit[] | undefined; said?: string; replies?: Reply[]; error?: string }) {
  const { c } = props;
  const tr = c.var.tr;
  const Csrf = () => <input type="hidden" name="_csrf" value={c.var.csrf} />;
  return (
    <Layout c={c} title={tr("dash-nav-try")}>
      <h1>{tr("dash-nav-try")}</h1>
      <p class="period">{tr("dash-try-intro")}</p>
      {props.error ? <p class="error" role="alert">{props.error}</p> : null}
      {props.replies ? (
        <div class="chat">
          {props.said ? <p class="bubble me">{props.said}</p> : null}
          {props.replies.map((r) => (
            <div class="bubble bot">
              {r.image ? <img src={`data:image/png;base64,${toBase64(r.image.png)}`} alt={r.image.caption ?? ""} width={560} /> : null}
              <p>{r.text}</p>
              {r.document ? <p><small>{tr("dash-try-document", { file: r.document.fileName, bytes: r.document.bytes.length })}</small></p> : null}
              {r.buttons ? (
                <form method="post" action="/try" class="buttons">
                  <Csrf />
                  <input type="hidden" name="as" value={props.as} />
                  {r.buttons.flat().map((b) => <button type="submit" name="action" value={b.action}>{b.label}</button>)}
                </form>
              ) : null}
            </div>
          ))}
        </div>
      ) : null}
      <form method="post" action="/try" class="stacked">
        <Csrf />
        {props.units ? (
          <label>
            {tr("dash-try-as")}
            <select name="as">
              <option value="resident" selected={props.as === "resident"}>{tr("dash-try-as-resident")}</option>
              {props.units.map((u) => (
                <option value={u.code} selected={props.as === u.code}>{tr("dash-try-as-officer", { unit: displayName(u), level: u.level })}</option>
              ))}
            </select>
          </label>
        ) : (
          <label>
            {tr("dash-try-as-code")} <input name="as" maxlength={32} value={props.as} />
          </label>
        )}
        <label>
          {tr("dash-try-message")} <textarea name="text" rows={2} maxlength={1000} required></textarea>
        </label>
        <button type="submit" class="primary">{tr("dash-try-send")}</button>
        <small>{tr("dash-try-warning")}</small>
      </form>
    </Layout>
  );
}
