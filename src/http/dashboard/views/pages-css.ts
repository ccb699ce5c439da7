/** Styles of the campaign, roster, admin and try-the-bot pages; served after DASHBOARD_CSS in /dashboard.css. */
export const PAGES_CSS = `
nav.site { display: flex; flex-wrap: wrap; gap: .2rem 1rem; padding: .4rem 1rem; background: #1e293b; }
nav.site a { color: #e2e8f0; text-decoration: none; }
nav.site a[aria-current="page"] { color: #fff; font-weight: 600; border-bottom: 2px solid #38bdf8; }
.alarm { margin: 0; padding: .6rem 1rem; background: #fee2e2; color: #7f1d1d; font-weight: 600; border-bottom: 2px solid #b91c1c; }
form.stacked { display: grid; gap: .6rem; max-width: 36rem; background: #fff; padding: 1rem; border: 1px solid var(--line); border-radius: 8px; }
form.stacked label { display: grid; gap: .2rem; }
form.stacked input, form.stacked select, form.stacked textarea { font: inherit; padding: .35rem; border: 1px solid #94a3b8; border-radius: 4px; }
form.stacked label.check { display: flex; gap: .4rem; align-items: center; }
fieldset { border: 1px solid var(--line); border-radius: 4px; }
button.primary { background: #0369a1; color: #fff; border-color: #0369a1; }
button.danger { color: #b91c1c; border-color: #fca5a5; }
.notice { padding: .5rem .8rem; background: #ecfdf5; border: 1px solid #a7f3d0; border-radius: 4px; }
.secret { font: 600 1.2rem ui-monospace, monospace; letter-spacing: .05em; }
.pager { display: flex; gap: 1rem; }
.chat { display: grid; gap: .5rem; max-width: 40rem; }
.chat .bubble { white-space: pre-wrap; padding: .5rem .8rem; border-radius: 8px; background: #fff; border: 1px solid var(--line); }
.chat .bubble.me { background: #e0f2fe; justify-self: end; }
.chat .buttons { display: flex; flex-wrap: wrap; gap: .3rem; }
tr.expired td.status { color: #b91c1c; font-weight: 600; }
tr.expiring td.status { color: var(--behind); font-weight: 600; }
@media print { nav.site, .alarm { display: none; } }
`;
