import { describe, expect, it } from "vitest";
import { doorToDoorList } from "../../../src/core/residents/door-to-door";
import { expiryRoster } from "../../../src/core/residents/expiry-roster";
import { localDate } from "../../../src/core/time/local-date";
import { freshRoster } from "../../helpers/roster-fixture";

const TODAY = localDate(new Date(), "Asia/Ho_Chi_Minh");

describe("the roster page and the door-to-door list follow one rule", () => {
  it("both list self-paid cards (households, near-poor, pupils) and neither lists a card the state, BHXH or an employer renews", async () => {
    const { db, protector, communeId, villageId, card } = await freshRoster(TODAY);
    await card("GD", 10, { household: "H1" });
    await card("CN", 5, { household: "H2" });
    await card("HS", -20, { household: "H3" });
    await card("HT", 7, { household: "H4" }); // pension: BHXH renews it
    await card("CC", 3, { household: "H5" }); // revolutionary contributor: the state renews it
    await card("TE", 12, { household: "H6" }); // child under 6: the state pays until 72 months
    const roster = (await expiryRoster(db, protector, { unitId: communeId, today: TODAY })).map((h) => h.householdCode).sort();
    const doors = (await doorToDoorList(db, protector, { unitIds: [villageId], today: TODAY })).map((h) => h.householdCode).sort();
    expect(roster).toEqual(["H1", "H2", "H3"]);
    expect(doors).toEqual(roster);
  });
});
