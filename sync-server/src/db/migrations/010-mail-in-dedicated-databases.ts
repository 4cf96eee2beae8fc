import type { PgMigration } from "./migration";

/**
 * The document mailer runs as the app role, which sees one studio's directory entry at a time
 * (RLS). To find the mail queued in Enterprise studios' dedicated databases it needs their names,
 * and only those: this function, run with the owner's rights, gives the names and nothing else
 * (no tenant id leaves it).
 */
export const mailInDedicatedDatabases: PgMigration = {
  version: 10,
  name: "the mailer lists dedicated databases",
  up: `
    CREATE FUNCTION rsm_dedicated_database_names() RETURNS SETOF text
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
      AS $$ SELECT DISTINCT database_name FROM tenant_directory WHERE database_name IS NOT NULL ORDER BY 1 $$;
    REVOKE ALL ON FUNCTION rsm_dedicated_database_names() FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION rsm_dedicated_database_names() TO rsm_app;
  `,
  down: `
    DROP FUNCTION rsm_dedicated_database_names();
  `,
};
