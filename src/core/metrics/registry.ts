/**
 * @module In-process counters and histograms rendered in the Prometheus text format (0.0.4).
 * Small on purpose: the few series we keep do not justify prom-client, and this runs on Workers too.
 */

export type Labels = Record<string, string>;

interface Series<V> {
  labels: Labels;
  value: V;
}

interface HistogramValue {
  buckets: number[];
  sum: number;
  count: number;
}

export interface Counter {
  inc(labels?: Labels, by?: number): void;
}

export interface Histogram {
  observe(labels: Labels, value: number): void;
}

/** One sample read at scrape time (from the database, say), rendered with the rest. */
export interface Sample {
  name: string;
  help: string;
  type: "counter" | "gauge";
  series: Array<{ labels: Labels; value: number }>;
}

export interface MetricsRegistry {
  counter(name: string, help: string): Counter;
  histogram(name: string, help: string, buckets: readonly number[]): Histogram;
  /** Text exposition of everything registered, then `extra` samples. */
  render(extra?: Sample[]): string;
}

/** Latency buckets in seconds: webhook answers should be tens of milliseconds. */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] as const;

const key = (labels: Labels) => JSON.stringify(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b)));

/** Label values are escaped as the format requires: backslash, quote and newline. */
function labelText(labels: Labels): string {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`);
  return parts.length ? `{${parts.join(",")}}` : "";
}

export function createMetricsRegistry(): MetricsRegistry {
  const counters = new Map<string, { help: string; series: Map<string, Series<number>> }>();
  const histograms = new Map<string, { help: string; bounds: readonly number[]; series: Map<string, Series<HistogramValue>> }>();
  return {
    counter(name, help) {
      const entry = counters.get(name) ?? { help, series: new Map() };
      counters.set(name, entry);
      return {
        inc(labels = {}, by = 1) {
          const k = key(labels);
          const s = entry.series.get(k) ?? { labels, value: 0 };
          s.value += by;
          entry.series.set(k, s);
        },
      };
    },
    histogram(name, help, bounds) {
      const entry = histograms.get(name) ?? { help, bounds, series: new Map() };
      histograms.set(name, entry);
      return {
        observe(labels, value) {
          const k = key(labels);
          const s = entry.series.get(k) ?? { labels, value: { buckets: bounds.map(() => 0), sum: 0, count: 0 } };
          bounds.forEach((b, i) => {
            if (value <= b) s.value.buckets[i]! += 1;
          });
          s.value.sum += value;
          s.value.count += 1;
          entry.series.set(k, s);
        },
      };
    },
    render(extra = []) {
      const lines: string[] = [];
      for (const [name, c] of counters) {
        lines.push(`# HELP ${name} ${c.help}`, `# TYPE ${name} counter`);
        for (const s of c.series.values()) lines.push(`${name}${labelText(s.labels)} ${s.value}`);
      }
      for (const [name, h] of histograms) {
        lines.push(`# HELP ${name} ${h.help}`, `# TYPE ${name} histogram`);
        for (const s of h.series.values()) {
          h.bounds.forEach((b, i) => lines.push(`${name}_bucket${labelText({ ...s.labels, le: String(b) })} ${s.value.buckets[i]}`));
          lines.push(`${name}_bucket${labelText({ ...s.labels, le: "+Inf" })} ${s.value.count}`);
          lines.push(`${name}_sum${labelText(s.labels)} ${s.value.sum}`, `${name}_count${labelText(s.labels)} ${s.value.count}`);
        }
      }
      for (const sample of extra) {
        lines.push(`# HELP ${sample.name} ${sample.help}`, `# TYPE ${sample.name} ${sample.type}`);
        for (const s of sample.series) lines.push(`${sample.name}${labelText(s.labels)} ${s.value}`);
      }
      return lines.join("\n") + "\n";
    },
  };
}
