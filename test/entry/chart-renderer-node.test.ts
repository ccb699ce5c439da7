import { describe, expect, it } from "vitest";
import { buildProgressChartSvg, type ProgressChartInput } from "../../src/core/charts/progress-chart";
import { createNodeChartRenderer } from "../../src/entry/chart-renderer-node";
import { PNG_SIGNATURE, pngSize, sameBytes, svgSize } from "../helpers/png";

const villages = ["Xuân Thành", "Quyết Tiến", "Xuân Lập", "Xuân Thắng", "Hoà Lâm", "Hưng Long", "Phú Vinh"];

function chart(labels: boolean): ProgressChartInput {
  const label = (text: string) => (labels ? text : "");
  return {
    title: label("Xã Ngọc Phụng — 2026"),
    subtitle: label("Tỷ lệ tham gia BHYT"),
    locale: "vi",
    text: { noData: label("chưa có số liệu"), noTarget: label("chưa có chỉ tiêu") },
    bars: [
      ...villages.map((v, i) => ({ label: label(`Thôn ${v}`), percent: i === 3 ? null : 40 + i * 9.7, targetPercent: i === 4 ? null : 90 })),
      { label: label("Toàn xã"), percent: 78.1, targetPercent: 90, highlight: true },
    ],
  };
}

const textSvg = (text: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><text x="4" y="28" font-size="24">${text}</text></svg>`;

// Order matters in this file: the first test makes the process's first renders.
describe("createNodeChartRenderer (real resvg WASM and Be Vietnam Pro from node_modules)", () => {
  it("lets several renderers render concurrently from a cold start, initialising the WASM once", async () => {
    const [a, b] = [createNodeChartRenderer(), createNodeChartRenderer()];
    const svg = buildProgressChartSvg(chart(true));
    const pngs = await Promise.all([a.renderPng(svg), b.renderPng(svg), a.renderPng(svg)]);
    const later = await createNodeChartRenderer().renderPng(svg);
    for (const png of [...pngs, later]) expect(sameBytes(png, pngs[0]!)).toBe(true);
  });

  it("renders a 7-village chart to a PNG twice the SVG's size", async () => {
    const svg = buildProgressChartSvg(chart(true));
    const png = await createNodeChartRenderer().renderPng(svg);
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    const size = svgSize(svg);
    expect(pngSize(png)).toEqual({ width: size.width * 2, height: size.height * 2 });
    expect(png.length).toBeGreaterThan(20_000);
  });

  it("draws the text: the same chart without words is a different, smaller picture", async () => {
    const renderer = createNodeChartRenderer();
    const [withText, without] = await Promise.all([
      renderer.renderPng(buildProgressChartSvg(chart(true))),
      renderer.renderPng(buildProgressChartSvg(chart(false))),
    ]);
    expect(sameBytes(withText, without)).toBe(false);
    expect(withText.length).toBeGreaterThan(without.length * 1.5);
  });

  it("has Vietnamese glyphs: tone marks are drawn, and differ from the missing-glyph box", async () => {
    const renderer = createNodeChartRenderer();
    const [marked, plain, missing] = await Promise.all(["Phụng ệ", "Phung e", "Ph\uE000ng \uE000"].map((t) => renderer.renderPng(textSvg(t))));
    expect(sameBytes(marked!, plain!)).toBe(false);
    expect(sameBytes(marked!, missing!)).toBe(false);
  });

  it("renders labels full of markup and control characters (the SVG stays well-formed)", async () => {
    const input = chart(true);
    const nasty = { ...input, title: `<svg> & "x" 'y'\u0007`, bars: [{ label: `</text><script>&amp;\u0000`, percent: 50, targetPercent: 60 }] };
    const png = await createNodeChartRenderer().renderPng(buildProgressChartSvg(nasty));
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  });

  it("rejects a broken SVG and keeps working afterwards", async () => {
    const renderer = createNodeChartRenderer();
    await expect(renderer.renderPng("<svg><text>unclosed")).rejects.toThrow();
    expect(pngSize(await renderer.renderPng(textSvg("ok")))).toEqual({ width: 240, height: 80 });
  });
});
