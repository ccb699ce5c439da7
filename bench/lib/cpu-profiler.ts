/** @module In-process CPU profiling through the inspector, so a server's profile covers only the load, not its start-up and seeding. */
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";

/** Starts the V8 profiler now; the returned function stops it and writes a `.cpuprofile` to `file`. */
export async function startCpuProfile(file: string): Promise<() => Promise<void>> {
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  return async () => {
    const { profile } = await session.post("Profiler.stop");
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  };
}
