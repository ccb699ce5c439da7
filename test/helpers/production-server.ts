/**
 * The server as production starts it: the esbuild bundle under plain node with the production
 * flags (384 MB heap), on a free port over a temporary data directory. Security tests attack it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bundle } from "../../src/cli/build";
import { PRODUCTION_NODE_FLAGS } from "../../src/cli/node-flags";

export interface ProductionServer {
  base: string;
  pid: number;
  dir: string;
  /** Resident memory of the server process now, in MB (from /proc). */
  rssMb(): number;
  logs: string[];
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Builds a bundle of its own (never dist/entry, which `npm start` owns) and starts it. */
export async function startProductionServer(env: Record<string, string> = {}): Promise<ProductionServer> {
  const file = await bundle("src/entry/node.ts", `dist/test-${process.pid}/node.mjs`);
  const dir = mkdtempSync(join(tmpdir(), "bhyt-prod-"));
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [...PRODUCTION_NODE_FLAGS, file], {
    env: { PATH: process.env.PATH ?? "", DATABASE_PATH: join(dir, "bhyt.sqlite"), PORT: String(port), HOST: "127.0.0.1", SEED_DEMO: "false", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logs: string[] = [];
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${logs.join("\n")}`)), 20_000);
    const onLine = (chunk: Buffer) => {
      logs.push(chunk.toString("utf8"));
      if (chunk.toString("utf8").includes("server.listening")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on("data", onLine);
    child.stderr!.on("data", onLine);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${logs.join("\n")}`));
    });
  });
  child.removeAllListeners("exit");
  return {
    base: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    dir,
    logs,
    rssMb: () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"))![1]) / 1024,
    async close() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
      rmSync(join(file, ".."), { recursive: true, force: true });
    },
  };
}
