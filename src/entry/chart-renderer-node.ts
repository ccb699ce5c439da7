/** @module Node chart renderer: resvg's WASM and the chart font read from node_modules. */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { ChartRenderer } from "../core/charts/chart-renderer";
import { createResvgChartRenderer } from "../core/charts/resvg-chart-renderer";
import { CHART_FONT_FAMILY, CHART_FONT_FILES } from "./chart-font";

/**
 * A ChartRenderer for Node. Reads about 2.7 MB of files now (synchronously, at start-up);
 * the WASM is compiled on the first render, once per process.
 */
export function createNodeChartRenderer(): ChartRenderer {
  // Resolved through the packages, not relative paths, so hoisting or a different install
  // layout cannot break it; both packages allow these subpaths.
  const require = createRequire(import.meta.url);
  const read = (specifier: string) => new Uint8Array(readFileSync(require.resolve(specifier)));
  return createResvgChartRenderer({
    wasm: read("@resvg/resvg-wasm/index_bg.wasm"),
    fonts: CHART_FONT_FILES.map(read),
    fontFamily: CHART_FONT_FAMILY,
  });
}
