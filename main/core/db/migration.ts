import type { Db } from "./open-database";

export interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
  /** Absent when the migration cannot be undone without losing data. */
  down?(db: Db): void;
}
