import { describe, expect, it } from "vitest";
import { createMetricsRegistry } from "../../../src/core/metrics/registry";

describe("metrics registry", () => {
  it("renders counters with escaped labels and cumulative histogram buckets", () => {
    const r = createMetricsRegistry();
    const c = r.counter("x_total", "Things.");
    c.inc({ kind: 'a"b\\c\nd' });
    c.inc({ kind: 'a"b\\c\nd' }, 2);
    const h = r.histogram("lat_seconds", "Latency.", [0.1, 1]);
    h.observe({ route: "/r" }, 0.05);
    h.observe({ route: "/r" }, 0.5);
    h.observe({ route: "/r" }, 3);
    const text = r.render([{ name: "g", help: "Gauge.", type: "gauge", series: [{ labels: {}, value: 7 }] }]);
    expect(text).toContain('x_total{kind="a\\"b\\\\c\\nd"} 3');
    expect(text).toContain('lat_seconds_bucket{route="/r",le="0.1"} 1');
    expect(text).toContain('lat_seconds_bucket{route="/r",le="1"} 2');
    expect(text).toContain('lat_seconds_bucket{route="/r",le="+Inf"} 3');
    expect(text).toContain('lat_seconds_sum{route="/r"} 3.55');
    expect(text).toContain("# TYPE g gauge\ng 7\n");
  });

  it("keeps one series per label set whatever the key order", () => {
    const r = createMetricsRegistry();
    const c = r.counter("y_total", "Y.");
    c.inc({ a: "1", b: "2" });
    c.inc({ b: "2", a: "1" });
    expect(r.render().match(/^y_total/gm)).toHaveLength(1);
  });
});
