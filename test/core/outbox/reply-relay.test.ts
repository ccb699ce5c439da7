import { describe, expect, it } from "vitest";
import { silentLogger } from "../../../src/logger";
import { BEHIND_MS, createReplyRelay } from "../../../src/core/outbox/reply-relay";
import type { DeliverOutcome } from "../../../src/core/outbox/deliver";

/** A sendNow whose calls finish when the test says so, answering the outcome it is told. */
function controlledSend() {
  const calls: { keys: readonly string[]; finish(outcome?: DeliverOutcome | Error): void }[] = [];
  return {
    calls,
    sendNow(keys: readonly string[]) {
      return new Promise<DeliverOutcome[]>((resolve, reject) => {
        calls.push({ keys, finish: (outcome = "sent") => (outcome instanceof Error ? reject(outcome) : resolve(keys.map(() => outcome))) });
      });
    },
  };
}
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("reply relay", () => {
  it("returns at once; one conversation's relays run one after another, other conversations' alongside", async () => {
    const send = controlledSend();
    const relay = createReplyRelay({ sendNow: send.sendNow, logger: silentLogger });
    relay.relay({ channel: "telegram", conversation: "telegram:1", keys: ["a1"] });
    relay.relay({ channel: "telegram", conversation: "telegram:1", keys: ["a2"] });
    relay.relay({ channel: "telegram", conversation: "telegram:2", keys: ["b1"] });
    await tick();
    expect(send.calls.map((c) => c.keys[0])).toEqual(["a1", "b1"]);
    let idle = false;
    void relay.idle().then(() => (idle = true));
    send.calls[0]!.finish();
    await tick();
    expect(send.calls.map((c) => c.keys[0])).toEqual(["a1", "b1", "a2"]);
    send.calls[1]!.finish();
    await tick();
    expect(idle).toBe(false);
    send.calls[2]!.finish();
    await tick();
    expect(idle).toBe(true);
  });

  it("leaves a conversation's next replies to the dispatcher while earlier ones wait there, so none overtakes them", async () => {
    let now = 1_000_000;
    const send = controlledSend();
    const relay = createReplyRelay({ sendNow: send.sendNow, logger: silentLogger, nowMs: () => now });
    relay.relay({ channel: "telegram", conversation: "telegram:1", keys: ["first"] });
    await tick();
    send.calls[0]!.finish("deferred");
    await relay.idle();
    relay.relay({ channel: "telegram", conversation: "telegram:1", keys: ["second"] });
    relay.relay({ channel: "telegram", conversation: "telegram:2", keys: ["other"] });
    await tick();
    expect(send.calls.map((c) => c.keys[0])).toEqual(["first", "other"]);
    send.calls[1]!.finish();
    await relay.idle();
    // Once the dispatcher has had its time, the conversation is sent at once again.
    now += BEHIND_MS + 1;
    relay.relay({ channel: "telegram", conversation: "telegram:1", keys: ["later"] });
    await tick();
    expect(send.calls.map((c) => c.keys[0])).toEqual(["first", "other", "later"]);
    send.calls[2]!.finish();
    await relay.idle();
  });

  it("logs a failed relay instead of failing the update; the conversation waits for the dispatcher", async () => {
    const warned: string[] = [];
    const logger = { ...silentLogger, warn: (event: string) => void warned.push(event), child: () => logger };
    const send = controlledSend();
    const relay = createReplyRelay({ sendNow: send.sendNow, logger });
    relay.relay({ channel: "telegram", conversation: "telegram:1", keys: ["a"] });
    await tick();
    send.calls[0]!.finish(new Error("database is closed"));
    await relay.idle();
    expect(warned).toEqual(["outbox.relay_failed"]);
    relay.relay({ channel: "telegram", conversation: "telegram:1", keys: ["b"] });
    await relay.idle();
    expect(send.calls).toHaveLength(1);
  });
});
