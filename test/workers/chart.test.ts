import { describe, expect, it } from "vitest";
import { buildProgressChartSvg, type ProgressChartInput } from "../../src/core/charts/progress-chart";
import { createWorkerChartRenderer } from "../../src/entry/chart-renderer-worker";
import { PNG_SIGNATURE, pngSize, sameBytes, svgSize } from "../helpers/png";

const chart = (labels: boolean): ProgressChartInput => ({
  title: labels ? "Xã Ngọc Phụng — 2026" : "",
  locale: "vi",
  text: { noData: "", noTarget: "" },
  bars: [
    { label: labels ? "Thôn Xuân Thành" : "", percent: 95.3, targetPercent: 90 },
    { label: labels ? "Toàn xã" : "", percent: 78.1, targetPercent: 90, highlight: true },
  ],
});

describe("chart rendering inside workerd (bundled WASM and font modules)", () => {
  it("renders the progress chart to a PNG of the SVG's size at scale 2, text included", async () => {
    const renderer = createWorkerChartRenderer();
    const svg = buildProgressChartSvg(chart(true));
    // workerd's Intl formats like Node's: the Vietnamese decimal comma.
    expect(svg).toContain(">95,3%<");
    const [png, again, bare] = await Promise.all([renderer.renderPng(svg), renderer.renderPng(svg), renderer.renderPng(buildProgressChartSvg(chart(false)))]);
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    const size = svgSize(svg);
    expect(pngSize(png)).toEqual({ width: size.width * 2, height: size.height * 2 });
    expect(png.length).toBeGreaterThan(5_000);
    expect(sameBytes(png, again)).toBe(true);
    // Without a loaded font the labels would draw nothing and both pictures would match.
    expect(sameBytes(png, bare)).toBe(false);
  });
});
