/** @module Runs a bench helper script in a child Node process, so its peak RSS is its own. */
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PRODUCTION_NODE_FLAGS } from "../../src/cli/node-flags";

export const BENCH_DIR = fileURLToPath(new URL("..", import.meta.url));

/**
 * Spawns `node --import tsx <script>` (a path under bench/), or plain `node <bundle>` for an
 * absolute path to a built `.mjs` under the production flags (see src/cli/build.ts); the script
 * prints JSON lines on stdout.
 */
export function spawnScript(script: string, args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  const run = script.startsWith("/") && script.endsWith(".mjs") ? [...PRODUCTION_NODE_FLAGS, script] : ["--import", "tsx", fileURLToPath(new URL(`../${script}`, import.meta.url))];
  return spawn(process.execPath, [...run, ...args], {
    env: { ...process.env, LOG_LEVEL: "error", ...env },
    stdio: ["pipe", "pipe", "inherit"],
  });
}

/** The next JSON line the child prints (servers announce their port this way). */
export function nextJson<T>(child: ChildProcess): Promise<T> {
  return new Promise((resolve, reject) => {
    let buffer = "";
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString("utf8");
      const newline = buffer.indexOf("\n");
      if (newline < 0) return;
      child.stdout!.off("data", onData);
      child.off("exit", onExit);
      resolve(JSON.parse(buffer.slice(0, newline)) as T);
    };
    const onExit = (code: number | null) => reject(new Error(`child exited (${code}) before reporting`));
    child.stdout!.on("data", onData);
    child.once("exit", onExit);
  });
}

/** Runs a script to completion and returns the last JSON line it printed. */
export async function runScript<T>(script: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<T> {
  const child = spawnScript(script, args, env);
  let out = "";
  child.stdout!.on("data", (c: Buffer) => (out += c.toString("utf8")));
  const [code] = (await once(child, "exit")) as [number | null];
  const last = out.trim().split("\n").at(-1) ?? "";
  if (code !== 0 || !last.startsWith("{")) throw new Error(`${script} failed (exit ${code}): ${out.slice(-500)}`);
  return JSON.parse(last) as T;
}

/**
 * Peak RSS of this process so far, in MB: the kernel's high-water mark (`VmHWM`). Not
 * getrusage's maxRSS: Linux carries it across fork and exec, so a child started by a bench
 * process holding 400 MB reported 400 MB while its own peak was 39 MB (measured 2026-12-06).
 * maxRSS (kB on Linux) only where /proc is missing.
 */
export function peakRssMb(): number {
  const hwm = existsSync("/proc/self/status") ? /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync("/proc/self/status", "utf8")) : null;
  return Math.round(Number(hwm?.[1] ?? process.resourceUsage().maxRSS) / 1024);
}
