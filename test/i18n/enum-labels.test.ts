import { describe, expect, it } from "vitest";
import { CAMPAIGN_AUDIENCES } from "../../src/core/campaigns/campaign-store";
import { CHANNELS, OFFICER_ROLES } from "../../src/db/schema";
import { createTestTranslator } from "../helpers/test-db";

// Pages show these codes through Fluent selects; a code without its own variant falls through
// to `*[other] { $code }` and the reader sees `not_in_roster`. Every value needs a label.
const t = createTestTranslator();
const SELECTS: { key: string; arg: string; values: readonly string[] }[] = [
  { key: "dash-audience", arg: "audience", values: CAMPAIGN_AUDIENCES },
  { key: "dashboard-channel", arg: "channel", values: CHANNELS },
  { key: "dash-officer-role", arg: "role", values: OFFICER_ROLES },
  { key: "dash-campaign-state", arg: "state", values: ["upcoming", "running", "ended"] },
  { key: "dash-account-status", arg: "status", values: ["active", "disabled"] },
];

describe("every code shown on a page has a label in each language", () => {
  for (const locale of ["vi", "en"] as const) {
    it.each(SELECTS)(`${locale}: $key`, ({ key, arg, values }) => {
      for (const value of values) {
        const label = t(locale, key, { [arg]: value });
        expect(label, `${key} ${value}`).not.toBe(value);
        expect(label, `${key} ${value}`).not.toMatch(/_/);
      }
    });
  }
});
