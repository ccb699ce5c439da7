/** @jsxImportSource hono/jsx */
import { MIN_PASSWORD_LENGTH } from "../../../core/auth/account-admin";
import { MAX_PASSWORD_LENGTH } from "../../../core/auth/account-maintenance";
import { Csrf } from "./form-parts";
import { Layout, type PageContext } from "./layout";

/** `/account/password`: the signed-in user's own password. Nothing typed is ever echoed back. */
export function PasswordPage(props: { c: PageContext; notice?: string; error?: string }) {
  const { c } = props;
  const tr = c.var.tr;
  const input = (name: string, label: string, autocomplete: string, min?: number) => (
    <label>
      {label} <input name={name} type="password" required minlength={min} maxlength={MAX_PASSWORD_LENGTH} autocomplete={autocomplete} />
    </label>
  );
  return (
    <Layout c={c} title={tr("account-password-title")}>
      <h1>{tr("account-password-title")}</h1>
      {props.notice ? <p class="notice" role="status">{props.notice}</p> : null}
      {props.error ? <p class="error" role="alert">{props.error}</p> : null}
      <p>{tr("account-password-intro")}</p>
      <form method="post" action="/account/password" class="stacked">
        <Csrf c={c} />
        {input("current", tr("account-password-current"), "current-password")}
        {input("next", tr("account-password-new", { min: MIN_PASSWORD_LENGTH }), "new-password", MIN_PASSWORD_LENGTH)}
        {input("confirm", tr("account-password-confirm"), "new-password", MIN_PASSWORD_LENGTH)}
        <button type="submit" class="primary">{tr("account-password-submit")}</button>
      </form>
    </Layout>
  );
}
