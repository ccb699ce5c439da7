/** @jsxImportSource hono/jsx */
import type { Context } from "hono";
import type { Child } from "hono/jsx";
import type { DashboardEnv } from "../dashboard-env";

export type PageContext = Context<DashboardEnv>;

/** The same page in the other language: `?lang=` is remembered in a cookie by the middleware. */
function otherLanguageHref(c: PageContext): string {
  const url = new URL(c.req.url);
  url.searchParams.set("lang", c.var.locale === "vi" ? "en" : "vi");
  return url.pathname + url.search;
}

/** Every dashboard page: stylesheet, header with language switch and sign-out, then the content. */
export function Layout(props: { c: PageContext; title: string; children?: Child; printable?: boolean }) {
  const { c } = props;
  const tr = c.var.tr;
  return (
    <html lang={c.var.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · ${tr("dashboard-title")}`}</title>
        <link rel="stylesheet" href="/dashboard.css" />
        {/* No favicon request: browsers would otherwise log a 404 on every page. */}
        <link rel="icon" href="data:," />
      </head>
      <body class={props.printable ? "printable" : undefined}>
        <header class="top">
          <a class="brand" href="/">{tr("dashboard-title")}</a>
          <nav>
            <a href={otherLanguageHref(c)} hreflang={c.var.locale === "vi" ? "en" : "vi"}>{tr("dashboard-other-language")}</a>
            {c.var.account ? (
              <form method="post" action="/logout" class="inline">
                <span class="who">{tr("dashboard-signed-in-as", { username: c.var.account.username })}</span>
                <input type="hidden" name="_csrf" value={c.var.csrf} />
                <button type="submit">{tr("dashboard-logout")}</button>
              </form>
            ) : null}
          </nav>
        </header>
        <main>{props.children}</main>
      </body>
    </html>
  );
}
