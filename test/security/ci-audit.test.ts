/** Issue 19: CI audits production dependencies, failing on findings but not on a registry that cannot answer. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs script of CI's, without type declarations
import { auditVerdict } from "../../.ci/npm-audit.mjs";

describe("the npm audit step of .ci/run", () => {
  it("runs right after npm ci", () => {
    const run = readFileSync(new URL("../../.ci/run", import.meta.url), "utf8");
    expect(run).toMatch(/npm ci [^\n]*\n(#[^\n]*\n)?node \.ci\/npm-audit\.mjs\n/);
  });

  it("fails on high or critical findings, passes on lower ones", () => {
    const report = (v: Record<string, number>) => JSON.stringify({ auditReportVersion: 2, vulnerabilities: {}, metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, total: 0, ...v } } });
    expect(auditVerdict(report({ high: 1, total: 1 })).verdict).toBe("vulnerable");
    expect(auditVerdict(report({ critical: 2, total: 2 })).verdict).toBe("vulnerable");
    expect(auditVerdict(report({ moderate: 3, total: 3 })).verdict).toBe("clean");
  });

  it("tells a registry that did not answer from a report (npm exits 1 for both)", () => {
    expect(auditVerdict(JSON.stringify({ message: "405 Method Not Allowed - POST …/advisories/bulk", statusCode: 405, error: { summary: "" } })).verdict).toBe("no-answer");
    expect(auditVerdict(JSON.stringify({ message: "connect ECONNREFUSED", error: { summary: "" } })).verdict).toBe("no-answer");
    expect(auditVerdict("").verdict).toBe("no-answer");
  });
});
