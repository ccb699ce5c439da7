import { createApp, type App } from "../../src/app";
import { parseConfig } from "../../src/config";
import type { Db } from "../../src/db/client";
import { adminAccounts } from "../../src/db/schema";
import { hashPassword } from "../../src/core/auth/password-hash";
import { createLogger } from "../../src/logger";
import { createTestProtector, createTestTranslator } from "./test-db";
import { CookieJar } from "./cookie-jar";

export { CookieJar } from "./cookie-jar";

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

/** An account created and signed in, as the cookie jar its requests carry. */
export async function signedIn(app: App, db: Db, username: string, password: string, scopeUnitId: number | null = null): Promise<CookieJar> {
  await addAccount(db, username, password, scopeUnitId);
  const jar = new CookieJar(app);
  await jar.login(username, password);
  return jar;
}
