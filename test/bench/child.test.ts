import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const CHILD_TS = fileURLToPath(new URL("../../bench/lib/child.ts", import.meta.url));

describe("peakRssMb", () => {
  it("reports a child's own peak, not the size of the process that started it", () => {
    // Hold (and touch) 300 MB here, then start a small child: getrusage's maxRSS in the child
    // carries this process's size across fork and exec on Linux.
    const held = Buffer.alloc(300 * 1024 * 1024, 1);
    const script = `const { peakRssMb } = await import(${JSON.stringify(CHILD_TS)}); console.log(JSON.stringify({ peak: peakRssMb(), rss: Math.round(process.memoryUsage().rss / 1048576) }));`;
    const out = JSON.parse(execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script]).toString().trim().split("\n").pop()!) as { peak: number; rss: number };
    expect(held.length).toBeGreaterThan(0); // keeps the 300 MB alive until the child has run
    expect(out.peak).toBeGreaterThanOrEqual(out.rss);
    expect(out.peak).toBeLessThan(250);
  });
});
