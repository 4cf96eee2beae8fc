import pg from "pg";
import type { Logger } from "../log";
import { migrate } from "./migrate";
import { OWNER_ROLE } from "./roles";

/** The dedicated databases the primary's tenant directory names. */
export async function dedicatedDatabases(primaryAdmin: pg.ClientConfig): Promise<string[]> {
  const client = new pg.Client(primaryAdmin);
  await client.connect();
  try {
    await client.query(`SET ROLE ${OWNER_ROLE}`);
    const { rows } = await client.query<{ database_name: string }>(
      "SELECT DISTINCT database_name FROM tenant_directory WHERE database_name IS NOT NULL ORDER BY 1",
    );
    return rows.map((r) => r.database_name);
  } finally {
    await client.end();
  }
}

/** Same schema everywhere: every dedicated database is migrated whenever the primary is. */
export async function migrateDedicatedDatabases(primaryAdmin: pg.ClientConfig, log: Logger): Promise<string[]> {
  const names = await dedicatedDatabases(primaryAdmin);
  for (const database of names) await migrate({ ...primaryAdmin, database }, { log });
  return names;
}
