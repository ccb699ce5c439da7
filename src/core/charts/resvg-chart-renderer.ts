// @resvg/resvg-wasm is MPL-2.0, used unmodified from npm.
import { initWasm, Resvg } from "@resvg/resvg-wasm";
import type { ChartRenderer } from "./chart-renderer";

/** What the resvg renderer needs, loaded by the entry for its runtime (core reads no files). */
export interface ResvgChartRendererDeps {
  /**
   * resvg's `index_bg.wasm`: a compiled module (Workers forbid compiling at run time, so
   * there it is imported as one) or its bytes (compiled on the first render).
   */
  wasm: WebAssembly.Module | ArrayBuffer | Uint8Array;
  /** TTF/OTF files, e.g. regular and semi-bold: resvg cannot read WOFF/WOFF2 and has no system fonts. */
  fonts: readonly Uint8Array[];
  /** The fonts' family name; `sans-serif` and unnamed text in the SVG are drawn with it. */
  fontFamily: string;
  /** Pixels per SVG unit (default 2: sharp on phone screens). */
  scale?: number;
}

// @resvg/resvg-wasm keeps its instance in module state and throws when initWasm runs twice,
// even while a first call is still in flight. The guard therefore has to be module state as
// well: every renderer in this process or isolate shares one initialisation, started by the
// first render (nothing is compiled for processes that never draw) and shared by concurrent
// callers. A failed attempt is forgotten, so a later render tries again.
let wasmReady: Promise<void> | undefined;

function ensureWasm(wasm: ResvgChartRendererDeps["wasm"]): Promise<void> {
  wasmReady ??= initWasm(wasm).catch((err: unknown) => {
    wasmReady = undefined;
    throw err;
  });
  return wasmReady;
}

/** A ChartRenderer on resvg compiled to WASM: the same code on Node and on Workers. */
export function createResvgChartRenderer(deps: ResvgChartRendererDeps): ChartRenderer {
  const fontBuffers = [...deps.fonts];
  const scale = deps.scale ?? 2;
  return {
    async renderPng(svg) {
      await ensureWasm(deps.wasm);
      const resvg = new Resvg(svg, {
        font: { fontBuffers, defaultFontFamily: deps.fontFamily, sansSerifFamily: deps.fontFamily },
        fitTo: { mode: "zoom", value: scale },
      });
      // wasm-bindgen objects hold WASM memory until freed; free them rather than wait for GC.
      try {
        const image = resvg.render();
        try {
          return image.asPng();
        } finally {
          image.free();
        }
      } finally {
        resvg.free();
      }
    },
  };
}
