/**
 * @module Telegram updates for webhook-ingest, drawn from a seeded mix: 70% officer tallies,
 * 20% resident look-ups (a card code, then the date of birth the bot asks for), 10% callback
 * queries (an officer pressing "replace"). Every update gets a fresh update_id, since the bot
 * drops redeliveries.
 */
import { ACTION_REPLACE } from "../../src/core/conversation/tally-flow";
import { generateDemoRoster } from "../../src/core/demo/demo-roster";
import { NGOC_PHUNG_VILLAGES } from "../../src/core/demo/ngoc-phung";
import { pick, seededRandom } from "./random";

export const BENCH_SECRET = "bench-secret-123456";
export const BENCH_TODAY = "2025-11-15";
const DATE = Math.floor(Date.parse(`${BENCH_TODAY}T03:00:00Z`) / 1000);
const GROUPS = ["GD", "HS", "TE", "HN"];

export const officerChatId = (n: number) => 7_000_000 + n;
const residentChatId = (n: number) => 8_000_000 + n;

const user = (id: number) => ({ id, is_bot: false, first_name: "Người dùng Mẫu", language_code: "vi" });

function message(updateId: number, from: number, text: string) {
  return { update_id: updateId, message: { message_id: updateId, date: DATE, chat: { id: from, type: "private", first_name: "Người dùng Mẫu" }, from: user(from), text } };
}

/**
 * `/start <invite>` from a chat. Its update_id is the chat id: unique per officer and far
 * above the stream's ids. (With one shared id the bot dropped every /start after the first
 * as a redelivery, so only one officer was bound and most "tallies" took the resident path.)
 */
export const startUpdate = (chatId: number, code: string) => message(chatId, chatId, `/start ${code}`);

/** An endless seeded stream of update bodies (JSON strings). */
export function updateStream(seed: number, officers: number, residents = 200): () => string {
  const random = seededRandom(seed);
  const roster = generateDemoRoster(BENCH_TODAY).slice(0, residents);
  // Each resident alternates: card code, then the date of birth the bot asked for.
  const askedDob = new Set<number>();
  // Streams of neighbouring seeds take distinct id ranges (a million apart, below the officers'
  // /start ids at 7,000,000), so several loads on one database are not dropped as redeliveries.
  let updateId = 10_000 + (seed % 7) * 1_000_000;
  return () => {
    const id = ++updateId;
    const roll = random();
    if (roll < 0.7) {
      const village = NGOC_PHUNG_VILLAGES[pick(random, NGOC_PHUNG_VILLAGES.length)]!;
      return JSON.stringify(message(id, officerChatId(pick(random, officers)), `${village.name} ${GROUPS[pick(random, GROUPS.length)]} ${1 + pick(random, 9)}`));
    }
    if (roll < 0.9) {
      const n = pick(random, roster.length);
      const person = roster[n]!;
      const text = askedDob.delete(n) ? person.dateOfBirth.split("-").reverse().join("/") : (askedDob.add(n), person.cardCode);
      return JSON.stringify(message(id, residentChatId(n), text));
    }
    const from = officerChatId(pick(random, officers));
    return JSON.stringify({
      update_id: id,
      callback_query: { id: `cb${id}`, from: user(from), chat_instance: "bench", data: ACTION_REPLACE, message: { message_id: 1, date: DATE, chat: { id: from, type: "private" }, text: "?" } },
    });
  };
}
