/**
 * @module In front of one app per shard (a province database, or part of one): picks the shard
 * a request belongs to. A webhook (Telegram, SMS, Zalo OA, Zalo Bot) goes to the shard that
 * holds its sender: the national directory, else (SMS, Zalo) the shard whose roster or
 * identities hold the phone or user id; a sender nobody holds yet goes where their invite code
 * or card number is known, else to the default shard (the welcome). An opt-out (HUY, STOP,
 * TU CHOI, /huy_nhac) is recorded in every shard that holds the sender, not only the one that
 * answers. Delivery receipts go to every shard; the dashboard to the signed-in account's shard
 * (shard-dashboard.ts); the rest (health, metrics) to the default.
 */
import type { Logger } from "../logger";
import type { Config } from "../config";
import type { Protector } from "../core/privacy/protector";
import type { ShardRouter } from "../core/shards/shard-router";
import { rememberIdentity, shardOfIdentity } from "../core/shards/national-directory";
import { holdsSender, locateShard } from "../core/shards/locate-shard";
import { cancelPendingForPhone, shardsHoldingSender, withdrawInShards } from "../core/shards/sender-shards";
import { isOfficerUndo, isOptOut } from "../core/conversation/resident-flow";
import { findOfficer } from "../core/conversation/find-officer";
import { createSenderReaders, type SenderReader, type WebhookSender } from "./shard-senders";
import { createShardDashboard } from "./shard-dashboard";
import { TELEGRAM_WEBHOOK_PATH } from "../channels/telegram/webhook-registration";
import { secretsMatch } from "../core/auth/secret-compare";

type Fetch = (request: Request, ...rest: never[]) => Response | Promise<Response>;

export interface FrontDoorDeps {
  router: ShardRouter;
  protector?: Protector;
  logger: Logger;
  /** The app of one shard, built (and cached) by the entry. */
  appFor(shard: string): { fetch: Fetch };
  /** Checked before any look-up, so forged updates cost no database reads. */
  telegramWebhookSecret?: string;
  /** SMS and Zalo settings: their webhooks are verified here the same way, then routed by sender. */
  config?: Pick<Config, "telegram" | "sms" | "zaloOa" | "zaloBot" | "publicUrl">;
  now?: () => Date;
}

/** The sender and text of an update, whatever its kind (message, edited message, button). */
function telegramSender(update: unknown): WebhookSender | undefined {
  if (typeof update !== "object" || update === null) return undefined;
  const u = update as Record<string, { from?: { id?: unknown }; text?: unknown; data?: unknown } | undefined>;
  const part = u.message ?? u.edited_message ?? u.callback_query ?? u.my_chat_member;
  const id = part?.from?.id;
  if (typeof id !== "number" && typeof id !== "string") return undefined;
  const text = typeof part?.text === "string" ? part.text : "";
  return { channel: "telegram", externalKey: String(id), text };
}

export function createShardFrontDoor(deps: FrontDoorDeps) {
  const { router } = deps;
  const fallback = router.defaultShard!;
  const now = deps.now ?? (() => new Date());
  const dashboard = createShardDashboard({ router, appFor: deps.appFor });
  const readers = new Map<string, SenderReader>(deps.config ? createSenderReaders(deps.config, deps.protector) : []);
  readers.set(TELEGRAM_WEBHOOK_PATH, async (request) => {
    const secret = request.headers.get("x-telegram-bot-api-secret-token") ?? "";
    const expected = deps.telegramWebhookSecret;
    const update = expected && secretsMatch(secret, expected) ? await request.clone().json().catch(() => undefined) : undefined;
    const sender = telegramSender(update);
    return sender ? { senders: [sender] } : undefined;
  });

  // Which shard answered a webhook: its replies are in that shard's outbox, so the kick names it.
  const answered = new WeakMap<Response, string>();

  async function routed(request: Request, rest: never[], senders: WebhookSender[]): Promise<Response> {
    const first = senders[0]!;
    const known = await shardOfIdentity(router.national, first.channel, first.externalKey);
    const located = deps.protector ? await locateShard(router, deps.protector, first.text, { invitesOnly: known !== undefined }) : undefined;
    // Telegram senders are known by the directory alone; a phone or Zalo id may be on a roster or bound before the directory existed.
    const lookUp = !known && !located && first.channel !== "telegram";
    const holders = lookUp ? await shardsHoldingSender(router, first.channel, first.externalKey) : undefined;
    const shard = located ?? known ?? holders?.[0] ?? fallback;
    const response = await deps.appFor(shard).fetch(request, ...rest);
    answered.set(response, shard);
    if (!response.ok) return response;
    for (const sender of senders) {
      if (isOptOut(sender.text) && !(await officerUndo(shard, sender))) {
        const recorded = await optOutEverywhere(shard, sender, sender === first ? { known, holders } : {});
        // Not recorded everywhere: an error makes the platform deliver again (the answering shard skips the duplicate).
        if (!recorded) return new Response(null, { status: 503 });
      }
    }
    if (shard !== known && (await holdsSender(router.forShard(shard), first.channel, first.externalKey))) {
      await rememberIdentity(router.national, { channel: first.channel, externalKey: first.externalKey, shard, now: now() });
      deps.logger.info("shard.identity_bound", { channel: first.channel, shard });
    }
    return response;
  }

  /** An officer's bare "huy" is their undo command, not an opt-out (as the conversation core reads it). */
  async function officerUndo(shard: string, sender: WebhookSender): Promise<boolean> {
    if (!isOfficerUndo(sender.text)) return false;
    return (await findOfficer(router.forShard(shard), sender.channel, sender.externalKey)) !== undefined;
  }

  /** The answering shard recorded the opt-out itself; every other shard holding the sender records it too. */
  async function optOutEverywhere(answered: string, sender: WebhookSender, seen: { known?: string; holders?: string[] }): Promise<boolean> {
    const at = now();
    const known = "known" in seen ? seen.known : await shardOfIdentity(router.national, sender.channel, sender.externalKey);
    const holders = seen.holders ?? (await shardsHoldingSender(router, sender.channel, sender.externalKey));
    const others = [...new Set([...holders, ...(known ? [known] : [])])].filter((s) => s !== answered);
    const { failed } = await withdrawInShards(router, others, { channel: sender.channel, externalKey: sender.externalKey, via: sender.text.trim().slice(0, 20), now: at });
    if (sender.channel === "sms") await cancelPendingForPhone(router.forShard(answered), sender.externalKey, at);
    if (failed.length > 0) deps.logger.error("shard.opt_out_failed", { channel: sender.channel, shards: failed });
    else if (others.length > 0) deps.logger.info("shard.opt_out_recorded", { channel: sender.channel, shards: others.length + 1 });
    return failed.length === 0;
  }

  /** A receipt names a message one shard sent: each shard applies it if the message is its own. */
  async function everyShard(request: Request, rest: never[]): Promise<Response> {
    let last: Response | undefined;
    for (const shard of router.shards) {
      last = await deps.appFor(shard).fetch(request.clone(), ...rest);
      if (!last.ok) return last;
    }
    return last!;
  }

  return {
    /** The shard whose app answered this webhook response (undefined: several, or none in particular). */
    shardOf: (response: Response): string | undefined => answered.get(response),
    async fetch(request: Request, ...rest: never[]): Promise<Response> {
      const reader = readers.get(new URL(request.url).pathname);
      const read = reader && (request.method === "POST" || request.method === "GET") ? await reader(request, now()) : undefined;
      // Not a webhook: health and metrics from the default shard; the dashboard from the account's own shard.
      if (!reader) return new URL(request.url).pathname.startsWith("/healthz") ? deps.appFor(fallback).fetch(request, ...rest) : dashboard(request, rest);
      // Forged or unreadable webhook: the default shard's app answers (401, 400) exactly as unsharded.
      if (!read) return deps.appFor(fallback).fetch(request, ...rest);
      if ("everyShard" in read) return everyShard(request, rest);
      return routed(request, rest, read.senders);
    },
  };
}
