/** Whatever answers a path as the app would: the Hono app itself, a shard front door, a Worker's fetch. */
export interface RequestTarget {
  request(path: string, init?: RequestInit): Response | Promise<Response>;
}

/** A tiny cookie jar over `app.request`, as a browser would keep one. */
export class CookieJar {
  readonly cookies = new Map<string, string>();
  constructor(private readonly app: RequestTarget) {}

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

