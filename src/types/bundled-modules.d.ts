/** WASM is bundled compiled on Workers (wrangler's default CompiledWasm rule, the pool's in tests). */
declare module "*.wasm" {
  const module: WebAssembly.Module;
  export default module;
}

/** Font files are bundled as bytes on Workers (the Data rule in wrangler.toml). */
declare module "*.ttf" {
  const data: ArrayBuffer;
  export default data;
}
