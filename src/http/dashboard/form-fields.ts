/** A form field as one string (the first, if repeated), trimmed and capped. */
export function field(body: Record<string, unknown>, name: string, max = 200): string {
  const v = body[name];
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === "string" ? first.trim().slice(0, max) : "";
}

/** A repeated form field (checkboxes, multi-select) as strings. */
export function fields(body: Record<string, unknown>, name: string): string[] {
  const v = body[name];
  return (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === "string");
}
