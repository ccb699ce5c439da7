/** Turns an SVG document into PNG bytes; the conversation sends the result as a photo. */
export interface ChartRenderer {
  /** Renders `svg` (a complete document) to a PNG file's bytes. */
  renderPng(svg: string): Promise<Uint8Array>;
}
