/** @module A seeded PRNG: benchmarks must draw the same rows and requests every run (the demo's own generator). */
export { seededRandom } from "../../src/core/demo/demo-roster";

export type Random = () => number;

/** An integer in [0, n). */
export const pick = (random: Random, n: number) => Math.floor(random() * n);
