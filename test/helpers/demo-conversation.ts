import { createConversation } from "../../src/core/conversation/create-conversation";
import { seedDemo } from "../../src/core/demo/seed-demo";
import { createTestDb, createTestProtector, createTestTranslator } from "./test-db";

/**
 * A fresh in-memory database with the demo seeded as of `today`, and the conversation core
 * over it; `activity` adds the demo's season of reports up to that day (as `npm start` does).
 */
export async function createDemoConversation(today: string, options: { activity?: boolean } = {}) {
  const db = createTestDb();
  const protector = await createTestProtector();
  await seedDemo({ db, protector, today, activity: options.activity });
  const handle = createConversation({ db, protector, t: createTestTranslator(), defaultLocale: "vi", timezone: "Asia/Ho_Chi_Minh" });
  return { db, protector, handle };
}
