/** One numbered schema change for Postgres, run by migrate.ts as the owner role in one transaction. */
export interface PgMigration {
  version: number;
  name: string;
  up: string;
  /** Undoes `up` (tests run every migration down and up again). */
  down: string;
}
