/** @module Small form pieces every dashboard page repeats: the CSRF field and one-button POST forms. */
import type { PageContext } from "./layout";

/** The per-session CSRF token every POST form carries (checked in dashboard/index.tsx). */
export const Csrf = (props: { c: PageContext }) => <input type="hidden" name="_csrf" value={props.c.var.csrf} />;

/** A row action (revoke, disable, retry): a POST to `action` with the CSRF token and one button. */
export const PostButton = (props: { c: PageContext; action: string; label: string; danger?: boolean }) => (
  <form method="post" action={props.action} class="inline">
    <Csrf c={props.c} />
    <button type="submit" class={props.danger ? "danger" : undefined}>
      {props.label}
    </button>
  </form>
);
