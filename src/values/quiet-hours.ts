/** Local times (minutes after midnight) between which residents get nothing: 21:00-07:00 by default. */
export interface QuietHours {
  startMinute: number;
  endMinute: number;
}

/** Parses `HH:MM-HH:MM` (the `QUIET_HOURS` format); `off` or empty means no quiet hours. */
export function parseQuietHours(text: string): QuietHours | undefined {
  if (text === "" || text === "off") return undefined;
  const match = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  if (!match) throw new RangeError(`quiet hours must look like 21:00-07:00`);
  const [, sh, sm, eh, em] = match.map(Number) as [number, number, number, number, number];
  const quiet = { startMinute: sh * 60 + sm, endMinute: eh * 60 + em };
  return quiet.startMinute === quiet.endMinute ? undefined : quiet;
}
