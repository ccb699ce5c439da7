#!/usr/bin/env node
// `npx bhyt …` runs the TypeScript CLI directly (no build step): tsx compiles on the fly.
import { register } from "tsx/esm/api";

register();
await import("./main.ts");
