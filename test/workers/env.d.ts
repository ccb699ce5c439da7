/// <reference types="@cloudflare/vitest-pool-workers/types" />
// The tsconfig `types` entry resolves to the pool's Node-side API only; `cloudflare:test`
// is declared in the package's separate `./types` export, referenced above.
import type { D1Migration } from "cloudflare:test";
import type { Env as WorkerEnv } from "../../src/entry/worker-env";

declare global {
  namespace Cloudflare {
    /** Worker bindings plus the test-only migrations binding from vitest.config.ts. */
    interface Env extends WorkerEnv {
      TEST_MIGRATIONS: D1Migration[];
      TEST_NATIONAL_MIGRATIONS: D1Migration[];
    }
    /** Types `exports.default` from `cloudflare:workers` as the Worker's own default export. */
    interface GlobalProps {
      mainModule: typeof import("../../src/entry/worker");
    }
  }
}
