/** @jsxImportSource hono/jsx */
import { Layout, type PageContext } from "./layout";

/** A page with one sentence: forbidden, not found, expired form, bad month. */
export function MessagePage(props: { c: PageContext; title: string }) {
  return (
    <Layout c={props.c} title={props.title}>
      <p class="message">{props.title}</p>
      <p>
        <a href="/">{props.c.var.tr("dashboard-overview")}</a>
      </p>
    </Layout>
  );
}
