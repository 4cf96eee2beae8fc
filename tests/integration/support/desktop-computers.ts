import { afterEach } from "vitest";
import { createStudioCore, type StudioCore } from "../../../main/core/studio-core";
import { tempDir } from "../../../main/core/test-fixtures";

/**
 * Desktop cores on real SQLite files, closed and removed after each test. Long intervals: the
 * tests sync on purpose, live notifications and local writes aside.
 */
export function desktopComputers(prefix: string): (label: string) => StudioCore {
  const opened: { core: StudioCore; cleanup(): void }[] = [];
  afterEach(() => {
    for (const o of opened.splice(0)) {
      o.core.close();
      o.cleanup();
    }
  });
  return (label) => {
    const tmp = tempDir(`rsm-${prefix}-${label}-`);
    const core = createStudioCore({ databaseFile: tmp.file(), sync: { intervalMs: 3_600_000, debounceMs: 20 } });
    opened.push({ core, cleanup: tmp.cleanup });
    return core;
  };
}
