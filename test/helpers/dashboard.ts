import { createApp, type App } from "../../src/app";
import { parseConfig } from "../../src/config";
import type { Db } from "../../src/db/client";
import { adminAccounts } from "../../src/db/schema";
import { hashPassword } from "../../src/core/auth/password-hash";
import { createLogger } from "../../src/logger";
import { createTestProtector, createTestTranslator } from "./test-db";

/** Tests name the connection's peer with this header (a real server reads the socket). */
export const TEST_PEER_HEADER = "x-test-peer";

/** The app with the dashboard on `db`, a fixed clock and the test keys (so sessions can be signed). */
export async function createDashboardApp(db: Db, now: Date, lines: string[] = [], env: Record<string, string> = {}): Promise<App> {
  return createApp({
    // Tests sign in many times a second; test/security/login-proxies.test.ts checks the real gate.
    config: parseConfig({ LOGIN_CHECKS_PER_SECOND: "1000", ...env }),
    peerAddress: (c) => c.req.header(TEST_PEER_HEADER) ?? "192.0.2.10",
    db,
    logger: createLogger({ level: "debug", sink: (l) => lines.push(l) }),
    t: createTestTranslator(),
    protector: await createTestProtector(),
    now: () => now,
  });
}

/** An account; 1,000 PBKDF2 iterations keep tests fast (the hash says how many it used). */
export async function addAccount(db: Db, username: string, password: string, scopeUnitId: number | null = null): Promise<number> {
  const [row] = await db.orm.insert(adminAccounts).values({ username, passwordHash: await hashPassword(password, 1000), scopeUnitId }).returning();
  return row!.id;
}

/** A tiny cookie jar over `app.request`, as a browser would keep one. */
export class CookieJar {
  readonly cookies = new Map<string, string>();
  constructor(private readonly app: App) {}

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set("cookie", this.header());
    const res = await this.app.request(path, { ...init, headers });
    // Node has Headers#getSetCookie; the Workers types in tsconfig do not declare it.
    for (const line of (res.headers as unknown as { getSetCookie(): string[] }).getSetCookie()) {
      const [pair] = line.split(";");
      const [name, ...rest] = pair!.split("=");
      const value = rest.join("=");
      if (/max-age=0/i.test(line) || value === "") this.cookies.delete(name!);
      else this.cookies.set(name!, value);
    }
    return res;
  }

  /** The CSRF token as a form would carry it (the page embeds the cookie's value). */
  async csrf(): Promise<string> {
    if (!this.cookies.has("bhyt_csrf")) await this.request("/login");
    return this.cookies.get("bhyt_csrf")!;
  }

  async post(path: string, fields: Record<string, string>, extra: HeadersInit = {}): Promise<Response> {
    return this.request(path, { method: "POST", body: new URLSearchParams(fields), headers: { "content-type": "application/x-www-form-urlencoded", ...extra } });
  }

  async login(username: string, password: string, extra: HeadersInit = {}): Promise<Response> {
    return this.post("/login", { username, password, _csrf: await this.csrf(), next: "/" }, extra);
  }
}

/** An account created and signed in, as the cookie jar its requests carry. */
export async function signedIn(app: App, db: Db, username: string, password: string, scopeUnitId: number | null = null): Promise<CookieJar> {
  await addAccount(db, username, password, scopeUnitId);
  const jar = new CookieJar(app);
  await jar.login(username, password);
  return jar;
}
