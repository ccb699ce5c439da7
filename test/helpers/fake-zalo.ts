import { createHash } from "node:crypto";
import { startFakeHttp, type FakeAnswer, type FakeRequest } from "./fake-http";

/** Message ids past 2^53, as Zalo's are: a client that parses them as numbers would round them. */
let nextId = 7_100_000_000_000_000_000n;

export interface FakeZaloOptions {
  /** Access tokens the fake accepts; others get `error: -216`. */
  validTokens: Set<string>;
  /** The pair the OAuth endpoint hands out (the old refresh token is then spent). */
  issue?: () => { access_token: string; refresh_token: string; expires_in: string } | undefined;
  oauthDelayMs?: number;
  /** Overrides the answer to a send (error-code tests). */
  sendAnswer?: (request: FakeRequest) => FakeAnswer | undefined;
}

/**
 * One local server standing in for openapi.zalo.me (CS messages), oauth.zaloapp.com (token
 * refresh) and business.openapi.zalo.me (ZNS), following the documented contract: errors as
 * HTTP 200 with non-zero `error`, ids as strings.
 */
export async function startFakeZalo(options: FakeZaloOptions) {
  const fake = await startFakeHttp((request) => {
    if (request.path === "/v4/oa/access_token") {
      const pair = options.issue?.();
      if (!pair) return { body: { error: -14020, error_name: "refresh_token_invalid" } };
      options.validTokens.add(pair.access_token);
      return { body: pair, delayMs: options.oauthDelayMs };
    }
    const token = String(request.headers["access_token"] ?? "");
    if (!options.validTokens.has(token)) return { body: { error: -216, message: "Access token is invalid" } };
    const override = options.sendAnswer?.(request);
    if (override) return override;
    const id = String(nextId++);
    // Written by hand so the id goes out as Zalo writes it: a quoted string.
    if (request.path === "/message/template") return { body: `{"error":0,"message":"Success","data":{"msg_id":"${id}","sent_time":"1763175600000","quota":{"dailyQuota":"500","remainingQuota":"499"}}}` };
    return { body: `{"error":0,"message":"Success","data":{"message_id":"${id}","user_id":"${JSON.parse(request.body).recipient.user_id}"}}` };
  });
  const sends = () => fake.requests.filter((r) => r.path === "/v3.0/oa/message/cs").map((r) => ({ token: String(r.headers["access_token"]), body: JSON.parse(r.body) as { recipient: { user_id: string }; message: { text: string } } }));
  const refreshes = () => fake.requests.filter((r) => r.path === "/v4/oa/access_token");
  return { ...fake, sends, refreshes };
}

/** `mac=` + sha256(app_id + body + timestamp + OA secret key), as Zalo signs its webhooks. */
export function signZalo(appId: string, body: string, timestamp: string, secret: string): string {
  return "mac=" + createHash("sha256").update(appId + body + timestamp + secret).digest("hex");
}
