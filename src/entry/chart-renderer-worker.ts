/** @module Workers chart renderer: resvg's WASM and the chart font bundled as modules. */
import type { ChartRenderer } from "../core/charts/chart-renderer";
import { createResvgChartRenderer } from "../core/charts/resvg-chart-renderer";
import { CHART_FONT_FAMILY } from "./chart-font";
// Workers may not compile WASM from bytes at run time: wrangler's CompiledWasm rule for
// *.wasm hands over a module compiled at upload. The fonts come through the Data rule for
// *.ttf in wrangler.toml (ArrayBuffers). The vitest workers project resolves both the same way.
import resvgWasm from "@resvg/resvg-wasm/index_bg.wasm";
import regularFont from "@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf";
import semiBoldFont from "@expo-google-fonts/be-vietnam-pro/600SemiBold/BeVietnamPro_600SemiBold.ttf";

/** A ChartRenderer for Workers; cheap to call, the WASM is instantiated on the first render. */
export function createWorkerChartRenderer(): ChartRenderer {
  return createResvgChartRenderer({
    wasm: resvgWasm,
    fonts: [new Uint8Array(regularFont), new Uint8Array(semiBoldFont)],
    fontFamily: CHART_FONT_FAMILY,
  });
}
