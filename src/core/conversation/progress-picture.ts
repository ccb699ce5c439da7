import type { Locale } from "../../config";
import { buildProgressChartSvg, type ProgressChartBar } from "../charts/progress-chart";
import type { UnitProgress } from "../progress/unit-progress";
import type { ConversationDeps } from "./conversation-deps";
import type { Reply } from "./types";

/** A bar for one unit: coverage of its population against its target rate (not the share of the target count). */
export function progressBar(p: UnitProgress, highlight = false): ProgressChartBar {
  return { label: p.unit.displayName, percent: p.rate, targetPercent: p.target?.targetRate ?? null, highlight };
}

/**
 * /tiendo's picture. Undefined when no renderer is configured or rendering fails: the text
 * answer already carries every figure, so a missing picture must never cost the officer it.
 */
export async function progressPicture(deps: ConversationDeps, locale: Locale, input: { title: string; bars: ProgressChartBar[] }): Promise<Reply | undefined> {
  if (!deps.chart || input.bars.length === 0) return undefined;
  const t = (key: string) => deps.t(locale, key);
  const svg = buildProgressChartSvg({
    title: input.title,
    subtitle: t("chart-subtitle"),
    bars: input.bars,
    locale,
    text: { noData: t("chart-no-data"), noTarget: t("chart-no-target"), legend: { reached: t("chart-legend-reached"), belowTarget: t("chart-legend-below"), target: t("chart-legend-target") } },
  });
  try {
    return { text: input.title, image: { png: await deps.chart.renderPng(svg), caption: input.title } };
  } catch {
    return undefined;
  }
}
