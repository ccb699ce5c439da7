/** @module Shard keys and the province a unit code names. */
import { AppError } from "../../errors";

/** `38` or `79_2`: two digits (QĐ 19/2025 province code), then an optional part number. */
export const SHARD_KEY = /^(\d{2})(?:_([1-9]\d?))?$/;

/** The province a shard key belongs to. */
export const provinceOfShard = (key: string) => key.slice(0, 2);

/**
 * The province of a unit code. Codes carry their province first: `38` (the province),
 * `38-01-01-02` (this project's composite codes), or `3801234` (CV 1804: 2 + 5 digits).
 * A bare 5-digit QĐ 19/2025 commune code names no province and is refused, never guessed.
 */
export function provinceOfUnitCode(code: string): string {
  const trimmed = code.trim();
  const match = /^(\d{2})(?:$|-|\d{5}$)/.exec(trimmed);
  if (!match) throw new AppError("bad_request", "shard-unit-without-province", { code: trimmed });
  return match[1]!;
}
