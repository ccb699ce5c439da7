import type { Locale } from "../../config";
import { createPercentFormat, escapeXml, fitText } from "./svg-text";

/** One horizontal bar: a village, or the commune total (`highlight`). */
export interface ProgressChartBar {
  label: string;
  /** Coverage in percent (52.7 means 52,7%); null when there is no figure to draw. */
  percent: number | null;
  /** Target coverage in percent; null when the unit has none (no marker, neutral colour). */
  targetPercent: number | null;
  /** Drawn emphasised, for the commune total. */
  highlight?: boolean;
}

/** Words drawn on the chart, already translated by the caller (text lives in messages/*.ftl). */
export interface ProgressChartText {
  /** In place of a bar whose percent is null, e.g. "chưa có số liệu". */
  noData: string;
  /** On a bar whose targetPercent is null, e.g. "chưa có chỉ tiêu". */
  noTarget: string;
  /** Legend entries under the title; no legend when absent. */
  legend?: { reached: string; belowTarget: string; target: string };
}

/** Everything the progress picture shows; designed for 1–40 bars (the picture grows in height). */
export interface ProgressChartInput {
  /** e.g. "Xã Ngọc Phụng — 2026". */
  title: string;
  subtitle?: string;
  bars: readonly ProgressChartBar[];
  /** Number format of the percentages ("95,3%" in vi, "95.3%" in en). */
  locale: Locale;
  text: ProgressChartText;
}

const WIDTH = 560;
const PAD = 16;
const LABEL_WIDTH = 170;
const VALUE_WIDTH = 64;
const GAP = 8;
const BAR_X = PAD + LABEL_WIDTH + GAP;

/**
 * Geometry in SVG units (the renderer scales to pixels). Narrow on purpose: Telegram shows a
 * photo across a phone screen, so a narrow canvas keeps the 14-unit text readable there.
 */
export const PROGRESS_CHART_LAYOUT = {
  width: WIDTH,
  padding: PAD,
  labelWidth: LABEL_WIDTH,
  fontSize: 14,
  rowHeight: 30,
  barHeight: 16,
  barX: BAR_X,
  barWidth: WIDTH - PAD - VALUE_WIDTH - GAP - BAR_X,
} as const;

/** Fill and ink colours; exported so tests and callers can refer to them. */
export const PROGRESS_CHART_COLOURS = {
  text: "#0f172a",
  muted: "#64748b",
  grid: "#e2e8f0",
  track: "#f1f5f9",
  reached: "#15803d",
  below: "#ea580c",
  noTarget: "#cbd5e1",
  marker: "#0f172a",
  highlightBand: "#e0f2fe",
} as const;
const COLOURS = PROGRESS_CHART_COLOURS;

/** Coordinates to one decimal keep the document short and its numbers testable. */
const n = (value: number) => String(Math.round(value * 10) / 10);

// Coverage is a share of the population: above 100% only happens with a stale population
// figure, so the scale stays 0–100% (pictures remain comparable) and the printed value tells the truth.
const clampPercent = (percent: number) => Math.min(100, Math.max(0, percent));

/** x of a percent on the bar scale. */
export function progressChartX(percent: number): number {
  const { barX, barWidth } = PROGRESS_CHART_LAYOUT;
  return barX + (barWidth * clampPercent(percent)) / 100;
}

function textEl(x: number, y: number, content: string, attrs: string): string {
  return `<text x="${n(x)}" y="${n(y)}" ${attrs}>${escapeXml(content)}</text>`;
}

/** Title, optional subtitle and legend; returns the SVG parts and the y where the axis starts. */
function header(input: ProgressChartInput): { parts: string[]; bottom: number } {
  const { width, padding } = PROGRESS_CHART_LAYOUT;
  const parts: string[] = [];
  let y = padding + 20;
  parts.push(textEl(padding, y, fitText(input.title, width - 2 * padding, 20, true), `class="title" font-size="20" font-weight="600"`));
  if (input.subtitle) {
    y += 22;
    parts.push(textEl(padding, y, fitText(input.subtitle, width - 2 * padding, 14), `class="subtitle" font-size="14" fill="${COLOURS.muted}"`));
  }
  const legend = input.text.legend;
  if (legend) {
    y += 24;
    const slot = (width - 2 * padding) / 3;
    const items: [string, string][] = [
      [legend.reached, `<rect x="0" y="-10" width="12" height="12" rx="2" fill="${COLOURS.reached}"/>`],
      [legend.belowTarget, `<rect x="0" y="-10" width="12" height="12" rx="2" fill="${COLOURS.below}"/>`],
      [legend.target, `<line x1="6" y1="-12" x2="6" y2="4" stroke="${COLOURS.marker}" stroke-width="2"/>`],
    ];
    items.forEach(([label, swatch], i) => {
      const x = padding + i * slot;
      parts.push(`<g class="legend" transform="translate(${n(x)} ${n(y)})">${swatch}${textEl(18, 0, fitText(label, slot - 24, 12), `font-size="12"`)}</g>`);
    });
  }
  return { parts, bottom: y + 10 };
}

/** Vertical grid lines every 25% with their labels above the first row. */
function grid(top: number, bottom: number, formatAxis: (p: number) => string): string[] {
  return [0, 25, 50, 75, 100].flatMap((p) => {
    const x = progressChartX(p);
    return [
      `<line class="grid" x1="${n(x)}" y1="${n(top)}" x2="${n(x)}" y2="${n(bottom)}" stroke="${COLOURS.grid}" stroke-width="1"/>`,
      textEl(x, top - 6, formatAxis(p), `class="axis" font-size="11" text-anchor="middle" fill="${COLOURS.muted}"`),
    ];
  });
}

function barColour(bar: ProgressChartBar): string {
  if (bar.targetPercent === null) return COLOURS.noTarget;
  return bar.percent !== null && bar.percent >= bar.targetPercent ? COLOURS.reached : COLOURS.below;
}

/** One row: band (highlight), label, track, fill, target marker, value or the no-data/no-target note. */
function row(bar: ProgressChartBar, top: number, input: ProgressChartInput, formatValue: (p: number) => string): string[] {
  const L = PROGRESS_CHART_LAYOUT;
  const weight = bar.highlight ? ` font-weight="600"` : "";
  const barY = top + (L.rowHeight - L.barHeight) / 2;
  const baseline = top + L.rowHeight / 2 + L.fontSize * 0.35;
  const trackEnd = L.barX + L.barWidth;
  const parts: string[] = [];
  if (bar.highlight) {
    parts.push(`<rect class="highlight" x="${n(L.padding / 2)}" y="${n(top)}" width="${n(L.width - L.padding)}" height="${L.rowHeight}" rx="4" fill="${COLOURS.highlightBand}"/>`);
  }
  parts.push(textEl(L.padding, baseline, fitText(bar.label, L.labelWidth, L.fontSize, !!bar.highlight), `class="label" font-size="${L.fontSize}"${weight}`));
  parts.push(`<rect class="track" x="${n(L.barX)}" y="${n(barY)}" width="${n(L.barWidth)}" height="${L.barHeight}" rx="3" fill="${COLOURS.track}"/>`);
  if (bar.percent === null) {
    parts.push(textEl(L.barX + 6, baseline - 1, fitText(input.text.noData, L.barWidth - 12, 12), `class="no-data" font-size="12" fill="${COLOURS.muted}"`));
  } else {
    const width = progressChartX(bar.percent) - L.barX;
    parts.push(`<rect class="fill" x="${n(L.barX)}" y="${n(barY)}" width="${n(width)}" height="${L.barHeight}" rx="3" fill="${barColour(bar)}"/>`);
    parts.push(textEl(L.width - L.padding, baseline, formatValue(bar.percent), `class="value" font-size="${L.fontSize}" text-anchor="end"${weight}`));
  }
  if (bar.targetPercent === null) {
    // Dark grey on both the track and the light neutral fill, so the note reads over either.
    parts.push(textEl(trackEnd - 6, baseline - 1, fitText(input.text.noTarget, L.barWidth / 2, 11), `class="no-target" font-size="11" text-anchor="end" fill="#475569"`));
  } else {
    const x = progressChartX(bar.targetPercent);
    parts.push(`<line class="target" x1="${n(x)}" y1="${n(barY - 4)}" x2="${n(x)}" y2="${n(barY + L.barHeight + 4)}" stroke="${COLOURS.marker}" stroke-width="2"/>`);
  }
  return parts;
}

/**
 * The `/tiendo` picture as an SVG document: one horizontal bar per unit on a 0–100% scale,
 * green when at or past its target marker, orange below it, grey without a target.
 * Pure: the same input always gives the same string. Text is drawn in `sans-serif`, which
 * the renderer maps to the font it was given.
 */
export function buildProgressChartSvg(input: ProgressChartInput): string {
  const L = PROGRESS_CHART_LAYOUT;
  const formatValue = createPercentFormat(input.locale, 1);
  const formatAxis = createPercentFormat(input.locale, 0);
  const head = header(input);
  const rowsTop = head.bottom + 18;
  const rowsBottom = rowsTop + input.bars.length * L.rowHeight;
  const height = Math.ceil(rowsBottom + L.padding);
  const rows = input.bars.flatMap((bar, i) => row(bar, rowsTop + i * L.rowHeight, input, formatValue));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${L.width}" height="${height}" viewBox="0 0 ${L.width} ${height}" font-family="sans-serif" fill="${COLOURS.text}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    ...head.parts,
    ...grid(rowsTop, rowsBottom, formatAxis),
    ...rows,
    `</svg>`,
  ].join("\n");
}
