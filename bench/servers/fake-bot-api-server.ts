/**
 * @module The fake Bot API in a process of its own, so it does not steal the load generator's
 * event loop: announces its apiRoot, reports its counters when stdin closes.
 */
import { startFakeBotApi } from "../lib/fake-bot-api";

const fake = await startFakeBotApi();
console.log(JSON.stringify({ apiRoot: fake.apiRoot }));
process.stdin.resume();
process.stdin.on("end", () => {
  console.log(JSON.stringify({ calls: fake.calls }));
  process.exit(0);
});
