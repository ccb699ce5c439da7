/** @module The results as a Markdown table, ready to paste into bench/README.md. */
import type { ScenarioResult } from "./scenario";

export function formatTable(results: Record<string, ScenarioResult | { error: string; wallSeconds?: number }>): string {
  const lines = ["| scenario | value | baseline | unit | ratio | goal | met | took |", "| --- | --- | --- | --- | --- | --- | --- | --- |"];
  for (const [name, r] of Object.entries(results)) {
    const took = typeof r.wallSeconds === "number" ? `${r.wallSeconds} s` : "";
    if (typeof r.error === "string") lines.push(`| ${name} | error: ${r.error.slice(0, 80)} | | | | | ✗ | ${took} |`);
    else if ("goalKind" in r) {
      const goal = r.goalKind === "min-ratio" ? `ratio ≥ ${r.goal}` : `≤ ${r.goal} ${r.unit}`;
      lines.push(`| ${name} | ${r.value} | ${r.baseline} | ${r.unit} | ${r.ratio} | ${goal} | ${r.met ? "✓" : "✗"} | ${took} |`);
    }
  }
  return lines.join("\n");
}
