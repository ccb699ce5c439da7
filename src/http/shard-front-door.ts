/**
 * @module In front of one app per shard (a province database, or part of one): picks the shard
 * a request belongs to. A Telegram update goes to the shard that holds its sender (national
 * directory); a sender nobody holds yet goes where their invite code or card number is known,
 * else to the default shard (the welcome and "send your invite code" flow). Everything else
 * (health, dashboard, SMS and Zalo webhooks) goes to the default shard.
 */
import type { Logger } from "../logger";
import type { Protector } from "../core/privacy/protector";
import type { ShardRouter } from "../core/shards/shard-router";
import { rememberIdentity, shardOfIdentity } from "../core/shards/national-directory";
import { holdsSender, locateShard } from "../core/shards/locate-shard";

type Fetch = (request: Request, ...rest: never[]) => Response | Promise<Response>;

export interface FrontDoorDeps {
  router: ShardRouter;
  protector?: Protector;
  logger: Logger;
  /** The app of one shard, built (and cached) by the entry. */
  appFor(shard: string): { fetch: Fetch };
  /** Checked before any look-up, so forged updates cost no database reads. */
  telegramWebhookSecret?: string;
  now?: () => Date;
}

interface TelegramSender {
  externalKey: string;
  text: string;
}

/** The sender and text of an update, whatever its kind (message, edited message, button). */
function telegramSender(update: unknown): TelegramSender | undefined {
  if (typeof update !== "object" || update === null) return undefined;
  const u = update as Record<string, { from?: { id?: unknown }; text?: unknown; data?: unknown } | undefined>;
  const part = u.message ?? u.edited_message ?? u.callback_query ?? u.my_chat_member;
  const id = part?.from?.id;
  if (typeof id !== "number" && typeof id !== "string") return undefined;
  const text = typeof part?.text === "string" ? part.text : "";
  return { externalKey: String(id), text };
}

export function createShardFrontDoor(deps: FrontDoorDeps) {
  const { router } = deps;
  const fallback = router.defaultShard!;
  const now = deps.now ?? (() => new Date());

  async function telegram(request: Request, rest: never[]): Promise<Response> {
    const secret = request.headers.get("x-telegram-bot-api-secret-token");
    const update = deps.telegramWebhookSecret && secret === deps.telegramWebhookSecret ? await request.clone().json().catch(() => undefined) : undefined;
    const sender = telegramSender(update);
    // Forged or unreadable: the default shard's app answers (401, 400) exactly as unsharded.
    if (!sender) return deps.appFor(fallback).fetch(request, ...rest);
    const known = await shardOfIdentity(router.national, "telegram", sender.externalKey);
    const located = deps.protector ? await locateShard(router, deps.protector, sender.text, { invitesOnly: known !== undefined }) : undefined;
    const shard = located ?? known ?? fallback;
    const response = await deps.appFor(shard).fetch(request, ...rest);
    if (shard !== known && response.ok && (await holdsSender(router.forShard(shard), "telegram", sender.externalKey))) {
      await rememberIdentity(router.national, { channel: "telegram", externalKey: sender.externalKey, shard, now: now() });
      deps.logger.info("shard.identity_bound", { channel: "telegram", shard });
    }
    return response;
  }

  return {
    fetch(request: Request, ...rest: never[]): Response | Promise<Response> {
      if (request.method === "POST" && new URL(request.url).pathname === "/webhooks/telegram") return telegram(request, rest);
      return deps.appFor(fallback).fetch(request, ...rest);
    },
  };
}
