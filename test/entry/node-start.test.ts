import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Starts the real Node entry in a fresh directory and returns its output once the banner is out. */
function start(env: Record<string, string>, dotEnv?: string, reuse?: string): Promise<{ out: string; dir: string }> {
  const dir = reuse ?? mkdtempSync(join(tmpdir(), "bhyt-start-"));
  if (!reuse) dirs.push(dir);
  if (dotEnv !== undefined) writeFileSync(join(dir, ".env"), dotEnv);
  const { DATABASE_PATH: _d, ADMIN_USERNAME: _u, ADMIN_PASSWORD: _p, PORT: _port, LOG_LEVEL: _l, ...parent } = process.env;
  const child = spawn(join(ROOT, "node_modules/.bin/tsx"), [join(ROOT, "src/entry/node.ts")], { cwd: dir, env: { ...parent, ...env } });
  let out = "";
  return new Promise((done, fail) => {
    const timer = setTimeout(() => (child.kill("SIGKILL"), fail(new Error(`no banner in time:\n${out}`))), 60_000);
    const read = (chunk: Buffer) => {
      out += chunk.toString();
      if (/Docs {8}README/.test(out)) {
        clearTimeout(timer);
        child.kill("SIGTERM");
        child.on("exit", () => done({ out, dir }));
      }
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
  });
}

const jsonLines = (out: string) => out.split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l) as Record<string, unknown>);
const port = () => String(20_000 + Math.floor(Math.random() * 20_000));

describe("npm start's Node entry", () => {
  it("without .env: ends with a banner (dashboard user, password file, /try, a demo invite and card) and keeps the password out of log lines", async () => {
    const { out, dir } = await start({ DATABASE_PATH: "data/bhyt.sqlite", PORT: port() });
    expect(out).toMatch(/bhyt-outreach is ready: http:\/\/127\.0\.0\.1:\d+/);
    expect(out).toMatch(/Dashboard .*user admin, password in data\/first-admin-password\.txt/);
    expect(out).toMatch(/\/try/);
    expect(out).toMatch(/invite [0-9A-Z]{4}-[0-9A-Z]+ \(collector, thôn Xuân Thành, xã Ngọc Phụng/);
    expect(out).toMatch(/card GD438\d{10} \(BHXH 99\d{8}\), date of birth \d{2}\/\d{2}\/\d{4}/);
    const file = join(dir, "data/first-admin-password.txt");
    const password = readFileSync(file, "utf8").trim();
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(password.length).toBeGreaterThanOrEqual(20);
    const logs = jsonLines(out);
    expect(logs.some((l) => JSON.stringify(l).includes(password))).toBe(false);
    // One line for the demo's source inconsistencies, one for the generated keys: nothing else warns.
    expect(logs.filter((l) => l.level === "warn").map((l) => l.event).sort()).toEqual(["demo.source_inconsistencies", "keys.generated"]);
  }, 90_000);

  it("with .env: reads it, but the real environment wins; a later ADMIN_PASSWORD that differs is reported as ignored", async () => {
    const p = port();
    const first = await start({ PORT: p }, `# demo\nDATABASE_PATH=db/demo.sqlite\nADMIN_USERNAME=chu-tich\nADMIN_PASSWORD="first-password-123"\nPORT=1\nLOG_LEVEL=debug\nDATA_ENCRYPTION_KEY=\n`);
    expect(first.out).toContain(`127.0.0.1:${p}`);
    expect(first.out).toMatch(/user chu-tich, password as set by ADMIN_PASSWORD/);
    expect(jsonLines(first.out).find((l) => l.event === "config.env_file")?.keys).toEqual(["DATABASE_PATH", "ADMIN_USERNAME", "ADMIN_PASSWORD", "LOG_LEVEL"]);
    const { out: again } = await start({ PORT: port() }, `DATABASE_PATH=db/demo.sqlite\nADMIN_USERNAME=chu-tich\nADMIN_PASSWORD=changed-password-456\n`, first.dir);
    expect(again).toMatch(/ADMIN_PASSWORD differs from the stored password and is IGNORED/);
    expect(again).toContain("npx bhyt admin reset-password chu-tich");
  }, 120_000);
});
