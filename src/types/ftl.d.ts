/** Fluent catalogues are imported as text on Workers (wrangler Text rule, vite plugin in tests). */
declare module "*.ftl" {
  const source: string;
  export default source;
}
