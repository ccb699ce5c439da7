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

/** The pages a signed-in account can open; the current section is marked for screen readers. */
const NAV = [
  ["/", "dashboard-overview"],
  ["/campaigns", "dash-nav-campaigns"],
  ["/roster", "dash-nav-roster"],
  ["/admin", "dash-nav-admin"],
  ["/try", "dash-nav-try"],
] as const;

function SiteNav(props: { c: PageContext }) {
  const path = new URL(props.c.req.url).pathname;
  const current = (href: string) => (href === "/" ? path === "/" || path.startsWith("/units/") && !path.endsWith("/roster") : path.startsWith(href) || (href === "/roster" && path.endsWith("/roster")));
  return (
    <nav class="site">
      {NAV.map(([href, key]) => (
        <a href={href} aria-current={current(href) ? "page" : undefined}>{props.c.var.tr(key)}</a>
      ))}
    </nav>
  );
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
        {c.var.account ? <SiteNav c={c} /> : null}
        {c.var.alarm?.raised ? (
          <p class="alarm" role="alert">
            {tr("dash-alarm-lookups", { count: c.var.alarm.lastHour, threshold: c.var.alarm.threshold })} <a href="/admin/audit?action=card.lookup_failed">{tr("dash-alarm-see-log")}</a>
          </p>
        ) : null}
        <main>{props.children}</main>
      </body>
    </html>
  );
}
