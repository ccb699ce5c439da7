import type { CardTerms } from "../../db/schema";

/** Just what a card says, copied from anything that carries it (a card row, a parsed roster row, a look-up row). */
export function cardTerms(source: CardTerms): CardTerms {
  return {
    groupCode: source.groupCode,
    benefitLevel: source.benefitLevel,
    provinceCode: source.provinceCode,
    validFrom: source.validFrom,
    validTo: source.validTo,
    registeredFacility: source.registeredFacility,
    fiveYearDate: source.fiveYearDate,
  };
}
