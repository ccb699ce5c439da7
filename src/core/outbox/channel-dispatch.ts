import { claimDue } from "./claim";
import { prepareDelivery, releasePrepared, sendPrepared, type ChannelPacing, type DeliverContext, type DeliverOutcome, type PreparedMessage } from "./deliver";
import { isQuietTime } from "./quiet-hours";
import { isOfficerPurpose, type ChannelSender } from "./types";

export interface ChannelRun {
  /** Sends in flight at once: the most a crash can send twice. */
  concurrency: number;
  leaseMs: number;
  /** Whether another message may be claimed (abort, maxMessages, budget). */
  canClaim(): boolean;
  /** Aborted or out of budget: queued messages go back instead of being sent. */
  stopped(): boolean;
  /** How many more may be claimed under maxMessages. */
  claimable(): number;
  count(outcome: DeliverOutcome | "claimed", n?: number): void;
}

/** How late a planned slot may still be taken (three slots at 30/s). */
const CATCH_UP_MS = 100;

/** About two seconds of the channel's rate per claim, at least one per sender in flight, at most 100. */
export const claimBatch = (perSecond: number, concurrency: number) => Math.min(100, Math.max(concurrency, Math.ceil(perSecond * 2)));

/**
 * One channel's share of a dispatch run. Messages are claimed in batches and prepared
 * (resolved) into a small queue; each rate slot goes to the first queued message whose
 * recipient may receive then, so a chat that must wait does not hold up the others and the
 * overall budget (30/s on Telegram) is used in full. At most `concurrency` sends are in
 * flight. A message whose slot is more than `maxWaitMs` away goes back to the outbox for a
 * later run, so nothing waits in the queue anywhere near its lease; what is still queued when
 * the run stops is handed back at once.
 */
export async function dispatchChannel(ctx: DeliverContext, sender: ChannelSender, pace: ChannelPacing, run: ChannelRun): Promise<void> {
  const batch = claimBatch(sender.limits.perSecond, run.concurrency);
  const queue: (PreparedMessage & { claimedAt: number })[] = [];
  const inFlight = new Set<Promise<void>>();
  const nowMs = () => ctx.now().getTime();
  let drained = false;

  const refill = async () => {
    // Slots too far away (after a 429 of the whole channel): leave everything pending for a later run.
    if (drained || !run.canClaim() || pace.global.peek() - nowMs() > ctx.maxWaitMs) return;
    const at = ctx.now();
    const limit = Math.min(batch, run.claimable());
    const rows = await claimDue(ctx.db, { now: at, limit, leaseMs: run.leaseMs, channel: sender.channel, officerOnly: isQuietTime(at, ctx.quietHours, ctx.timezone) });
    run.count("claimed", rows.length);
    if (rows.length === 0) drained = true;
    for (const row of rows) {
      const prepared = await prepareDelivery(ctx, row);
      if ("outcome" in prepared) run.count(prepared.outcome);
      else if (!isOfficerPurpose(row.purpose)) queue.push({ ...prepared, claimedAt: at.getTime() });
      // Officer replies jump ahead of residents already queued, as the claim orders them.
      else queue.splice(firstResident(), 0, { ...prepared, claimedAt: at.getTime() });
    }
  };
  const firstResident = () => {
    const i = queue.findIndex((p) => !isOfficerPurpose(p.row.purpose));
    return i < 0 ? queue.length : i;
  };
  const earliest = (p: PreparedMessage) => pace.recipients?.earliest(p.message.to) ?? nowMs();

  for (;;) {
    // A free sender first: a 429 answered meanwhile must count before the next slot is given.
    while (inFlight.size >= run.concurrency) await Promise.race(inFlight);
    if (queue.length <= batch / 2) await refill();
    // A claim whose every row was settled or re-routed before a slot (Zalo's window moving a
    // row to ZNS or SMS) leaves the queue empty without draining: claim again, a few times at
    // most, so a re-routed message goes in this run rather than the next.
    for (let again = 0; queue.length === 0 && !drained && again < 3; again++) await refill();
    if (queue.length === 0) break;
    const slot = Math.max(pace.global.peek(), nowMs());
    let pick = queue.findIndex((p) => earliest(p) <= slot);
    // Every queued recipient is busy: the one free soonest goes, and the slots before it stay unused.
    if (pick < 0) pick = queue.reduce((best, p, i) => (earliest(p) < earliest(queue[best]!) ? i : best), 0);
    const [prepared] = queue.splice(pick, 1) as [PreparedMessage & { claimedAt: number }];
    const chatFree = earliest(prepared);
    const planned = pace.global.peek(-Infinity);
    // A slot missed by a little (a refill, a busy moment) is still used rather than lost for
    // good; the departure window below keeps the limit whatever the pacer allows.
    const from = chatFree > nowMs() || planned < nowMs() - CATCH_UP_MS ? chatFree : planned;
    // Far from its slot, or queued for half its lease (another dispatcher may take it over after the lease): back to the outbox.
    if (pace.global.peek(from) - nowMs() > ctx.maxWaitMs || nowMs() - prepared.claimedAt > run.leaseMs / 2) {
      run.count(await releasePrepared(ctx, prepared, new Date(pace.global.peek(from))));
      continue;
    }
    const at = pace.global.reserve(from);
    // Held until its slot: no other message to this recipient may be picked meanwhile.
    pace.recipients?.record(prepared.message.to, Math.max(at, nowMs()));
    const wait = at - nowMs();
    if (wait > 0) await ctx.sleep(wait);
    const late = pace.departures.delay(nowMs());
    if (late > 0) await ctx.sleep(late);
    pace.departures.record(nowMs());
    pace.recipients?.record(prepared.message.to, nowMs());
    const task: Promise<void> = sendPrepared(ctx, sender, pace, prepared)
      .then((outcome) => run.count(outcome))
      .finally(() => inFlight.delete(task));
    inFlight.add(task);
    if (run.stopped()) break;
  }
  await Promise.all(inFlight);
  // Stopped early (shutdown, budget): what was claimed but not sent goes back now.
  for (const prepared of queue.splice(0)) run.count(await releasePrepared(ctx, prepared, ctx.now()));
}
