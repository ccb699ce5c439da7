import type { AppDeps } from "../app";

/** Hono environment: dependencies and the request id travel on the context, never as globals. */
export type AppEnv = {
  Variables: {
    deps: AppDeps;
    requestId: string;
  };
};
