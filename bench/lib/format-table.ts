/** @module The results as a Markdown table, ready to paste into bench/README.md. */
import type { ScenarioResult } from "./scenario";

export function formatTable(results: Record<string, ScenarioResult | { error: string }>): string {
  const lines = ["| scenario | value | baseline | unit | ratio | goal | met |", "| --- | --- | --- | --- | --- | --- | --- |"];
  for (const [name, r] of Object.entries(results)) {
    if (typeof r.error === "string") lines.push(`| ${name} | error: ${r.error.slice(0, 80)} | | | | | ✗ |`);
    else if ("goalKind" in r) {
      const goal = r.goalKind === "min-ratio" ? `ratio ≥ ${r.goal}` : `≤ ${r.goal} ${r.unit}`;
      lines.push(`| ${name} | ${r.value} | ${r.baseline} | ${r.unit} | ${r.ratio} | ${goal} | ${r.met ? "✓" : "✗"} |`);
    }
  }
  return lines.join("\n");
}
