import { beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateDemoRoster } from "../../src/core/demo/demo-roster";
import { createCliRunner } from "../helpers/run-cli";

const dir = mkdtempSync(join(tmpdir(), "bhyt-card-cli-"));
const cli = createCliRunner({ DATABASE_PATH: join(dir, "cli.sqlite"), LOG_LEVEL: "error" });
const TODAY = "2025-11-15";
const person = generateDemoRoster(TODAY).find((p) => p.groupCode === "GD")!;

beforeAll(async () => {
  expect((await cli("db", "seed-demo", "--today", TODAY, "--json")).code).toBe(0);
});

describe("bhyt card status", () => {
  it("reports status, end date, days left and benefit level for any of the three identifiers", async () => {
    for (const id of [person.cardCode, person.bhxhNumber, person.idNumber]) {
      const { code, last } = await cli("card", "status", id, "--dob", person.dateOfBirth, "--on", "2025-11-15", "--json");
      expect(code).toBe(0);
      const daysLeft = Math.round((Date.parse(person.validTo) - Date.parse("2025-11-15")) / 86_400_000);
      const status = daysLeft < 0 ? "expired" : daysLeft <= 30 ? "expiring" : "valid";
      expect(last).toMatchObject({ ok: true, status, validTo: person.validTo, daysLeft, benefitLevel: 4, benefitPercent: 80, printedLevel: 4, groupCode: "GD", payer: "self" });
    }
  });

  it("is expired the day after the end date and expiring on it", async () => {
    const after = new Date(Date.parse(person.validTo) + 86_400_000).toISOString().slice(0, 10);
    expect((await cli("card", "status", person.bhxhNumber, "--dob", person.dateOfBirth, "--on", after, "--json")).last).toMatchObject({ status: "expired", daysLeft: -1 });
    expect((await cli("card", "status", person.bhxhNumber, "--dob", person.dateOfBirth, "--on", person.validTo, "--json")).last).toMatchObject({ status: "expiring", daysLeft: 0 });
  });

  it("gives the same not_verified answer for an unknown card and a wrong date of birth", async () => {
    const unknown = await cli("card", "status", "9909999999", "--dob", person.dateOfBirth, "--json");
    const wrong = await cli("card", "status", person.bhxhNumber, "--dob", "1901-01-01", "--json");
    expect(unknown.code).toBe(2);
    expect(wrong.code).toBe(2);
    expect(unknown.last).toEqual(wrong.last);
    expect((unknown.last as { error: { code: string } }).error.code).toBe("not_verified");
  });

  it("refuses a malformed identifier or date of birth with exit code 2", async () => {
    expect((await cli("card", "status", "12345", "--dob", person.dateOfBirth, "--json")).code).toBe(2);
    expect((await cli("card", "status", person.bhxhNumber, "--dob", "hôm qua", "--json")).code).toBe(2);
  });
});
