import { SQL } from "drizzle-orm";

/**
 * A statement whose text and parameters are already built. Drizzle compiles a `sql`
 * template by walking every chunk and parameter (~40 µs for a 100-parameter insert, most of
 * a bulk insert's cost, plus the garbage); bulk writers that send the same statement shape
 * thousands of times build the text once and pass it here. Both drivers take it wherever
 * they take `sql`, since they all compile through `toQuery`. The caller must bind its
 * values as `?` placeholders in order and never splice values into the text.
 */
class PrebuiltSql extends SQL {
  constructor(
    private readonly text: string,
    private readonly values: unknown[],
  ) {
    super([]);
  }

  override toQuery(): { sql: string; params: unknown[] } {
    return { sql: this.text, params: this.values };
  }
}

export function prebuiltSql(text: string, params: unknown[]): SQL {
  return new PrebuiltSql(text, params);
}
