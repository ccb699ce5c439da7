/** @jsxImportSource hono/jsx */
import { Layout, type PageContext } from "./layout";

/** The sign-in form; `error` is already translated. The username is kept, the password never. */
export function LoginPage(props: { c: PageContext; next: string; username?: string; error?: string }) {
  const { c } = props;
  const tr = c.var.tr;
  return (
    <Layout c={c} title={tr("dashboard-login-heading")}>
      <form method="post" action="/login" class="login">
        <h1>{tr("dashboard-login-heading")}</h1>
        {props.error ? <p class="error" role="alert">{props.error}</p> : null}
        <input type="hidden" name="_csrf" value={c.var.csrf} />
        <input type="hidden" name="next" value={props.next} />
        <label>
          {tr("dashboard-username")}
          <input name="username" autocomplete="username" required maxlength={64} value={props.username ?? ""} />
        </label>
        <label>
          {tr("dashboard-password")}
          <input name="password" type="password" autocomplete="current-password" required maxlength={256} />
        </label>
        <button type="submit">{tr("dashboard-login-submit")}</button>
      </form>
    </Layout>
  );
}
