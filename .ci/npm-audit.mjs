// CI's dependency audit: `npm audit --omit=dev --audit-level=high`, failing the run only on an
// answer. Vulnerabilities of high or critical severity in production dependencies fail CI; a
// registry that does not answer the audit (no network, a mirror without the audit endpoint:
// npm then exits 1 too, with an "error" and no "metadata") is reported and CI goes on.
import { spawnSync } from "node:child_process";
import { pathToFileURL } from "node:url";

/** "clean" | "vulnerable" | "no-answer", from npm audit's --json output. */
export function auditVerdict(output) {
  let report;
  try {
    report = JSON.parse(output);
  } catch {
    return { verdict: "no-answer", detail: "npm audit printed no JSON" };
  }
  const counts = report?.metadata?.vulnerabilities;
  if (!counts || typeof counts !== "object") return { verdict: "no-answer", detail: String(report?.message ?? report?.error?.summary ?? "no audit report") };
  const serious = (counts.high ?? 0) + (counts.critical ?? 0);
  return serious > 0
    ? { verdict: "vulnerable", detail: `${counts.critical ?? 0} critical, ${counts.high ?? 0} high` }
    : { verdict: "clean", detail: `${counts.total ?? 0} below high` };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const run = spawnSync("npm", ["audit", "--omit=dev", "--audit-level=high", "--json"], { encoding: "utf8", timeout: 120_000 });
  const { verdict, detail } = auditVerdict(run.stdout ?? "");
  if (verdict === "vulnerable") {
    console.error(`npm audit: ${detail} in production dependencies`);
    spawnSync("npm", ["audit", "--omit=dev", "--audit-level=high"], { stdio: "inherit", timeout: 120_000 });
    process.exit(1);
  }
  console.log(verdict === "clean" ? `npm audit: clean (${detail})` : `npm audit: the registry did not answer (${detail}); not checked, CI goes on`);
}
