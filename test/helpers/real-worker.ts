import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const WRANGLER = join(ROOT, "node_modules/wrangler/bin/wrangler.js");

/**
 * The environment wrangler runs in: no metrics, no prompts, and none of the developer's
 * process env taken as Worker vars (CLOUDFLARE_INCLUDE_PROCESS_ENV), whatever the shell has.
 */
function wranglerEnv(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "1", BHYT_DEV_MIGRATE: "0", NO_COLOR: "1", XDG_CONFIG_HOME: home };
  for (const key of Object.keys(env)) if (key.startsWith("CLOUDFLARE_") || key === "WRANGLER_LOG") delete env[key];
  return env;
}

/** Runs one wrangler command to its end; rejects with its output when it fails. */
export function wrangler(args: string[], home: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WRANGLER, ...args], { cwd: ROOT, env: wranglerEnv(home), stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr.on("data", (c: Buffer) => (out += c.toString()));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(out) : reject(new Error(`wrangler ${args.join(" ")} exited ${code}:\n${out}`))));
  });
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface LocalState {
  dir: string;
  persistTo: string;
  /** The Worker's vars, written for `--env-file` (wrangler then skips `.dev.vars` and `.env`). */
  envFile: string;
  /** `wrangler d1 execute DB --local` on this state; rows of the last statement. */
  query<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  /** Any wrangler command, with `--persist-to` of this state appended. */
  run(args: string[]): Promise<string>;
  remove(): Promise<void>;
}

/**
 * A temporary `--persist-to` directory with the migrations applied to its local D1 (what
 * `npm run db:migrate:local` does to .wrangler/state), and the vars the Worker will see.
 */
export async function createLocalState(vars: Record<string, string>): Promise<LocalState> {
  const dir = await mkdtemp(join(tmpdir(), "bhyt-real-worker-"));
  const persistTo = join(dir, "state");
  const envFile = join(dir, "test.env");
  await writeFile(envFile, Object.entries(vars).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join("\n") + "\n");
  const run = (args: string[]) => wrangler([...args, "--persist-to", persistTo], dir);
  await run(["d1", "migrations", "apply", "DB", "--local"]);
  return {
    dir,
    persistTo,
    envFile,
    run,
    async query<T>(sql: string) {
      const out = await run(["d1", "execute", "DB", "--local", "--json", "--command", sql]);
      const results = JSON.parse(out.slice(out.indexOf("["))) as { results: T[] }[];
      return results.at(-1)?.results ?? [];
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

export interface RealWorker {
  url: string;
  /** Everything wrangler and workerd printed, for a failing test's message. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * `npm run db:seed:local` on this state: the demo data and the first dashboard account;
 * returns the command's --json answer (with the generated password).
 */
export function seedLocalDemo(state: LocalState, today?: string): Promise<{ ok: boolean; people: number; admin: { username: string; password?: string } | null }> {
  return new Promise((resolve, reject) => {
    const args = [join(ROOT, "src/cli/bhyt.mjs"), "d1", "seed-demo", "--local", "--persist-to", state.persistTo, "--env-file", state.envFile, "--json", ...(today ? ["--today", today] : [])];
    const child = spawn(process.execPath, args, { cwd: ROOT, env: wranglerEnv(state.dir), stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr.on("data", (c: Buffer) => (err += c.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      const last = out.trim().split("\n").at(-1) ?? "";
      if (code === 0 && last.startsWith("{")) resolve(JSON.parse(last));
      else reject(new Error(`bhyt d1 seed-demo exited ${code}:\n${out}\n${err}`));
    });
  });
}

/**
 * `wrangler dev` (workerd, the real wrangler.toml, local D1 and Queues) on free 127.0.0.1 ports.
 * Vars come from the state's env file: `--env-file` makes wrangler skip `.dev.vars` and
 * `.env`, so a developer's own files cannot change what the Worker sees.
 */
export async function startRealWorker(state: LocalState): Promise<RealWorker> {
  const envFile = state.envFile;
  const [port, inspector] = [await freePort(), await freePort()];
  const args = ["dev", "--ip", "127.0.0.1", "--port", String(port), "--inspector-port", String(inspector), "--persist-to", state.persistTo, "--env-file", envFile, "--test-scheduled", "--show-interactive-dev-session=false", "--log-level", "log"];
  // Its own process group, so stopping it also stops workerd.
  const child: ChildProcess = spawn(process.execPath, [WRANGLER, ...args], { cwd: ROOT, env: wranglerEnv(state.dir), stdio: ["ignore", "pipe", "pipe"], detached: true });
  let out = "";
  child.stdout!.on("data", (c: Buffer) => (out += c.toString()));
  child.stderr!.on("data", (c: Buffer) => (out += c.toString()));
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // Already gone.
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) process.kill(-child.pid, "SIGKILL");
    }
  };
  // Bundling and starting workerd takes seconds, longer on a busy 2-core machine.
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited ${child.exitCode}:\n${out}`);
    if (out.includes("Ready on")) {
      const ok = await fetch(`${url}/healthz`).then((r) => r.status === 200, () => false);
      if (ok) return { url, output: () => out, stop };
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`wrangler dev did not answer /healthz within 120 s:\n${out}`);
}

/** Polls until `check` returns a value (not undefined); fails with `what` and the Worker's output. */
export async function eventually<T>(what: string, worker: RealWorker, check: () => Promise<T | undefined> | T | undefined, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await check();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what}: not seen within ${timeoutMs / 1000} s\n${worker.output()}`);
}
