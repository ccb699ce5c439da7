/**
 * The dashboard's only stylesheet, served from /dashboard.css: the CSP allows no inline
 * styles. A4 print rules hide navigation and keep table rows whole.
 */
export const DASHBOARD_CSS = `
.table-wrap { overflow-x: auto; }
:root { --ink: #0f172a; --muted: #64748b; --line: #e2e8f0; --ok: #15803d; --behind: #ea580c; --band: #e0f2fe; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #f8fafc; }
header.top { display: flex; justify-content: space-between; align-items: center; gap: 1rem; padding: .6rem 1rem; background: #0f172a; color: #fff; }
header.top a { color: #fff; }
header.top nav { display: flex; gap: 1rem; align-items: center; }
.brand { font-weight: 600; text-decoration: none; }
main { max-width: 1100px; margin: 0 auto; padding: 1rem; }
form.inline { display: inline-flex; gap: .5rem; align-items: center; }
.who { color: #cbd5e1; }
button { font: inherit; padding: .3rem .8rem; border: 1px solid var(--line); border-radius: 4px; background: #fff; color: var(--ink); cursor: pointer; }
form.login { max-width: 22rem; margin: 3rem auto; display: grid; gap: .8rem; background: #fff; padding: 1.5rem; border: 1px solid var(--line); border-radius: 8px; }
form.login label { display: grid; gap: .25rem; }
form.login input { font: inherit; padding: .4rem; border: 1px solid #94a3b8; border-radius: 4px; }
.error, .message { color: #b91c1c; font-weight: 600; }
.period, .crumbs { color: var(--muted); }
table { border-collapse: collapse; width: 100%; background: #fff; margin: .5rem 0 1rem; }
th, td { border-bottom: 1px solid var(--line); padding: .35rem .5rem; text-align: left; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.total { font-weight: 600; background: var(--band); }
tr.historical { color: var(--muted); }
tr.status-on-track td.status { color: var(--ok); font-weight: 600; }
tr.status-behind td.status { color: var(--behind); font-weight: 600; }
tr.status-none td.status { color: var(--muted); }
figure.chart { margin: 0 0 1.5rem; }
figure.chart svg { max-width: 100%; height: auto; }
section.unit { margin-bottom: 2rem; }
nav.years { color: var(--muted); margin: .25rem 0 .75rem; }
nav.years strong { color: var(--ink); }
.notice { background: #fff7ed; border: 1px solid #fed7aa; padding: .5rem .75rem; border-radius: 6px; }
form.login button { background: #0f172a; color: #fff; border-color: #0f172a; padding: .5rem; font-weight: 600; }
/* Phones: the page never scrolls sideways; a wide table scrolls inside itself. */
@media (max-width: 640px) {
  main { padding: .5rem; }
  header.top { flex-wrap: wrap; }
  header.top nav { flex-wrap: wrap; gap: .5rem; }
  table { display: block; overflow-x: auto; white-space: nowrap; }
}
@page { size: A4; margin: 15mm; }
@media print {
  header.top, .no-print, .crumbs { display: none; }
  body { background: #fff; font-size: 11pt; }
  main { max-width: none; padding: 0; }
  tr { break-inside: avoid; }
}
`;
