import { describe, expect, it } from "vitest";
import {
  buildProgressChartSvg,
  PROGRESS_CHART_COLOURS,
  PROGRESS_CHART_LAYOUT as L,
  progressChartX,
  type ProgressChartBar,
  type ProgressChartInput,
} from "../../../src/core/charts/progress-chart";
import { svgSize } from "../../helpers/png";

const TEXT = { noData: "chưa có số liệu", noTarget: "chưa có chỉ tiêu" };

function chart(bars: ProgressChartBar[], extra: Partial<ProgressChartInput> = {}): string {
  return buildProgressChartSvg({ title: "Xã Ngọc Phụng — 2026", locale: "vi", text: TEXT, bars, ...extra });
}

const village = (label: string, percent: number | null = 50, targetPercent: number | null = 90): ProgressChartBar => ({ label, percent, targetPercent });

/** Every element with `class="name"`: its attributes and its text (empty for shapes and groups). */
function elements(svg: string, name: string): { attrs: string; text: string }[] {
  const re = new RegExp(`<(\\w+)((?: [\\w-]+="[^"]*")*? class="${name}"(?: [\\w-]+="[^"]*")*)\\s*(/?)>`, "g");
  return [...svg.matchAll(re)].map((m) => {
    const rest = svg.slice((m.index ?? 0) + m[0].length);
    const text = m[3] === "/" || m[1] !== "text" ? "" : rest.slice(0, rest.indexOf("</text>"));
    return { attrs: m[2] ?? "", text };
  });
}

const attr = (attrs: string, name: string) => {
  const m = new RegExp(` ${name}="([^"]*)"`).exec(attrs);
  if (!m) throw new Error(`no ${name} in ${attrs}`);
  return m[1]!;
};

describe("buildProgressChartSvg", () => {
  it("draws one track per bar, a fill per bar with a figure, and grows by one row per bar", () => {
    const one = chart([village("A")]);
    const forty = chart(Array.from({ length: 40 }, (_, i) => village(`Thôn ${i + 1}`, i === 5 ? null : i * 2.5)));
    expect(elements(one, "track")).toHaveLength(1);
    expect(elements(forty, "track")).toHaveLength(40);
    expect(elements(forty, "fill")).toHaveLength(39);
    expect(elements(forty, "label").map((e) => e.text)).toEqual(Array.from({ length: 40 }, (_, i) => `Thôn ${i + 1}`));
    expect(svgSize(forty).height - svgSize(one).height).toBe(39 * L.rowHeight);
    expect(svgSize(one).width).toBe(L.width);
  });

  it("escapes markup in labels, title, subtitle and caller text, and drops characters XML forbids", () => {
    const svg = chart([village(`Tổ <b> & "Đông" 'Nam'\u0001`, null, null)], {
      title: "A & B <c>",
      subtitle: `"x" < 'y'`,
      text: { noData: "<none>", noTarget: "a&b" },
    });
    expect(elements(svg, "label")[0]!.text).toBe("Tổ &lt;b&gt; &amp; &quot;Đông&quot; &apos;Nam&apos;");
    expect(elements(svg, "title")[0]!.text).toBe("A &amp; B &lt;c&gt;");
    expect(elements(svg, "subtitle")[0]!.text).toBe("&quot;x&quot; &lt; &apos;y&apos;");
    expect(elements(svg, "no-data")[0]!.text).toBe("&lt;none&gt;");
    expect(elements(svg, "no-target")[0]!.text).toBe("a&amp;b");
    expect(svg).not.toContain("<b>");
    expect(svg).not.toContain("\u0001");
  });

  it("prints values with the locale's decimal mark, one decimal, and axis labels without", () => {
    const bars = [village("A", 95.3), village("B", 100), village("C", 7.26), village("D", 0)];
    expect(elements(chart(bars), "value").map((e) => e.text)).toEqual(["95,3%", "100,0%", "7,3%", "0,0%"]);
    expect(elements(chart(bars, { locale: "en" }), "value").map((e) => e.text)).toEqual(["95.3%", "100.0%", "7.3%", "0.0%"]);
    expect(elements(chart(bars), "axis").map((e) => e.text)).toEqual(["0%", "25%", "50%", "75%", "100%"]);
  });

  it("puts the target marker at the target's place on the 0–100% scale, clamped to it", () => {
    expect(progressChartX(0)).toBe(L.barX);
    expect(progressChartX(100)).toBe(L.barX + L.barWidth);
    const svg = chart([village("A", 50, 90), village("B", 50, 130), village("C", 50, 0)]);
    const xs = elements(svg, "target").map((e) => Number(attr(e.attrs, "x1")));
    expect(xs).toEqual([L.barX + L.barWidth * 0.9, L.barX + L.barWidth, L.barX].map((x) => Math.round(x * 10) / 10));
    const fillWidths = elements(chart([village("A", 45), village("B", 120)]), "fill").map((e) => Number(attr(e.attrs, "width")));
    expect(fillWidths).toEqual([Math.round(L.barWidth * 4.5) / 10, L.barWidth]);
  });

  it("colours a bar by whether it reached its target, neutral without one", () => {
    const svg = chart([village("A", 90, 90), village("B", 89.9, 90), village("C", 50, null)]);
    expect(elements(svg, "fill").map((e) => attr(e.attrs, "fill"))).toEqual([
      PROGRESS_CHART_COLOURS.reached,
      PROGRESS_CHART_COLOURS.below,
      PROGRESS_CHART_COLOURS.noTarget,
    ]);
  });

  it("truncates long names with an ellipsis, keeps short ones, and works on whole Vietnamese letters", () => {
    const long = "Tổ dân phố Nguyễn Thị Minh Khai kéo dài đến tận cuối làng";
    const nfd = "Thôn Xuân Thành".normalize("NFD");
    const [cut, kept, composed] = elements(chart([village(long), village("Hưng Long"), village(nfd)]), "label").map((e) => e.text);
    expect(cut).toMatch(/^Tổ dân phố .+…$/);
    expect(cut!.length).toBeLessThan(long.length);
    expect(long.startsWith(cut!.slice(0, -1))).toBe(true);
    expect(kept).toBe("Hưng Long");
    expect(composed).toBe("Thôn Xuân Thành".normalize("NFC"));
    const title = elements(chart([village("A")], { title: "Xã ".repeat(60) }), "title")[0]!.text;
    expect(title.endsWith("…")).toBe(true);
  });

  it("shows the caller's no-data text instead of a bar and value, and the no-target text instead of a marker", () => {
    const svg = chart([village("A", null, 80), village("B", 40, null), village("C", null, null)]);
    expect(elements(svg, "fill")).toHaveLength(1);
    expect(elements(svg, "value").map((e) => e.text)).toEqual(["40,0%"]);
    expect(elements(svg, "no-data").map((e) => e.text)).toEqual([TEXT.noData, TEXT.noData]);
    expect(elements(svg, "target")).toHaveLength(1);
    expect(elements(svg, "no-target").map((e) => e.text)).toEqual([TEXT.noTarget, TEXT.noTarget]);
    expect(svg).not.toMatch(/NaN|null|undefined/);
  });

  it("emphasises the highlighted total with a band and semi-bold text", () => {
    const svg = chart([village("A"), { label: "Toàn xã", percent: 78.1, targetPercent: 90, highlight: true }]);
    expect(elements(svg, "highlight")).toHaveLength(1);
    const labels = elements(svg, "label");
    expect(labels.map((e) => e.attrs.includes(`font-weight="600"`))).toEqual([false, true]);
  });

  it("draws the legend and subtitle only when given", () => {
    const plain = chart([village("A")]);
    expect(elements(plain, "legend")).toHaveLength(0);
    expect(elements(plain, "subtitle")).toHaveLength(0);
    const legend = { reached: "Đạt", belowTarget: "Chưa đạt", target: "Chỉ tiêu" };
    const full = chart([village("A")], { subtitle: "Đến ngày 23/11", text: { ...TEXT, legend } });
    expect(elements(full, "legend")).toHaveLength(3);
    expect(full).toContain(">Chưa đạt<");
    expect(elements(full, "subtitle")).toHaveLength(1);
    expect(svgSize(full).height).toBeGreaterThan(svgSize(plain).height);
  });
});
