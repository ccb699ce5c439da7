/**
 * @module Where a server's CPU time goes, from a V8 `.cpuprofile` (`node --cpu-prof`): each
 * sample is charged to the first category met walking up from the running function, so a
 * JSON.parse inside Hono counts as JSON, a socket write under the HTTP client as the outbound
 * call, a Drizzle query builder under the app as the database.
 */
import { readFileSync } from "node:fs";

interface CallFrame {
  functionName: string;
  url: string;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** First match wins, tested from the sampled frame up to the root. */
const CATEGORIES: [name: string, test: (f: CallFrame) => boolean][] = [
  ["gc", (f) => f.functionName === "(garbage collector)"],
  ["idle", (f) => f.functionName === "(idle)"],
  ["json", (f) => f.url === "" && (f.functionName === "parse" || f.functionName === "stringify")],
  ["database", (f) => /better-sqlite3|drizzle-orm|\/src\/db\/|\/src\/entry\/sqlite-db/.test(f.url)],
  ["outbound", (f) => /node-fetch|_http_client|_http_agent|undici/.test(f.url)],
  ["grammy", (f) => /\/grammy\//.test(f.url)],
  ["fluent", (f) => /@fluent\/|\/src\/i18n\//.test(f.url)],
  ["crypto", (f) => /node:crypto|internal\/crypto|\/src\/entry\/node-protector/.test(f.url)],
  ["app", (f) => /\/src\//.test(f.url)],
  // Socket and stream internals are shared by both directions: the walk goes on up to the
  // HTTP client (outbound) or server (http-in) that asked for them.
  ["http-in", (f) => /hono|_http_server|_http_incoming/.test(f.url)],
  ["module-loading", (f) => /esm\/|cjs\/loader|tsx|esbuild/.test(f.url)],
];

/** Milliseconds per category (plus "other"), over the whole profile. */
export function profileSplit(file: string): Record<string, number> {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const categoryOf = new Map<number, string>();
  const classify = (id: number): string => {
    const known = categoryOf.get(id);
    if (known) return known;
    let category = "other";
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const frame = byId.get(cur)!.callFrame;
      const hit = CATEGORIES.find(([, test]) => test(frame));
      if (hit) {
        category = hit[0];
        break;
      }
    }
    categoryOf.set(id, category);
    return category;
  };
  const totals: Record<string, number> = {};
  profile.samples.forEach((id, i) => {
    const c = classify(id);
    totals[c] = (totals[c] ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000;
  });
  return Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, Math.round(v)]).sort((a, b) => (b[1] as number) - (a[1] as number)));
}
