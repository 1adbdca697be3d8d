import { writeFile } from "node:fs/promises";
import { Session } from "node:inspector/promises";
import { join } from "node:path";

/** A V8 CPU profile of this process over one stretch of time (the measured window). */
export class WindowProfiler {
  private session: Session | null = null;

  async start(): Promise<void> {
    if (this.session) return;
    const session = new Session();
    session.connect();
    await session.post("Profiler.enable");
    await session.post("Profiler.setSamplingInterval", { interval: 200 });
    await session.post("Profiler.start");
    this.session = session;
  }

  /** Stops and writes `realtime-server-<time>.cpuprofile` into `dir`; answers its path. */
  async stop(dir: string): Promise<string | null> {
    const session = this.session;
    if (!session) return null;
    this.session = null;
    const { profile } = await session.post("Profiler.stop");
    session.disconnect();
    const path = join(dir, `realtime-server-${Date.now()}.cpuprofile`);
    await writeFile(path, JSON.stringify(profile));
    return path;
  }
}
