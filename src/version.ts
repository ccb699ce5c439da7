import pkg from "../package.json";

/** The service version reported by /healthz and the CLI. */
export const VERSION: string = pkg.version;
