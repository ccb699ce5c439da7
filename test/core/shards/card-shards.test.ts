import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { createShardRouter } from "../../../src/core/shards/shard-router";
import { shardsForCard } from "../../../src/core/shards/card-shards";
import { readCardIdentifier } from "../../../src/core/residents/card-identifier";
import { openSqliteNational } from "../../../src/entry/national-db";
import { createTestDb } from "../../helpers/test-db";

const router = (keys: string[]) =>
  createShardRouter({ shards: new Map(keys.map((k) => [k, createTestDb()])), national: openSqliteNational(new Database(":memory:")) });
const ask = (keys: string[], typed: string) => shardsForCard(router(keys), readCardIdentifier(typed)!);

describe("shards asked for a card a resident typed", () => {
  it("asks only the province the card code names (every part of a split one)", async () => {
    expect(await ask(["12", "38", "79_1", "79_2"], "GD4380123456789")).toEqual(["38"]);
    expect(await ask(["12", "38", "79_1", "79_2"], "GD4790123456789")).toEqual(["79_1", "79_2"]);
  });

  it("reads a pre-merger code as the province that took it over (10 Lào Cai and 15 Yên Bái → 15)", async () => {
    expect(await ask(["12", "15", "38"], "HN2100123456789")).toEqual(["15"]);
    expect(await ask(["12", "15", "38"], "HN2150123456789")).toEqual(["15"]);
  });

  it("asks nobody for a code of a province not served here or never assigned, rather than guess", async () => {
    expect(await ask(["12", "38"], "GD4790123456789")).toEqual([]);
    expect(await ask(["12", "38"], "GD4000123456789")).toEqual([]);
  });

  it("asks every shard for a BHXH number or a personal ID, which carry no province", async () => {
    expect(await ask(["12", "38"], "0123456789")).toEqual(["12", "38"]);
    expect(await ask(["12", "38"], "038123456789")).toEqual(["12", "38"]);
  });
});
