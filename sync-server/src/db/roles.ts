import type pg from "pg";

/** Owns every table and runs migrations; cannot log in. */
export const OWNER_ROLE = "rsm_owner";
/** What the server connects as: owns nothing, is no superuser, cannot bypass Row-Level Security. */
export const APP_ROLE = "rsm_app";

/**
 * Roles are per server (cluster), not per database, so they are made here, idempotently, rather
 * than in a numbered migration. Two migrators racing (two databases set up at once) both succeed.
 */
const ENSURE_ROLES = `
DO $$
BEGIN
  BEGIN
    CREATE ROLE ${OWNER_ROLE} NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
  EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
  END;
  BEGIN
    CREATE ROLE ${APP_ROLE} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOREPLICATION NOINHERIT;
  EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
  END;
  -- A role someone else made under this name must still be unable to get around RLS.
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}'
             AND (rolsuper OR rolbypassrls OR rolcreaterole OR rolcreatedb OR rolreplication OR NOT rolcanlogin)) THEN
    ALTER ROLE ${APP_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE NOCREATEDB NOREPLICATION;
  END IF;
  IF pg_has_role('${APP_ROLE}', '${OWNER_ROLE}', 'MEMBER') THEN
    REVOKE ${OWNER_ROLE} FROM ${APP_ROLE};
  END IF;
  -- The migrator acts as the owner (SET ROLE); a superuser needs no membership.
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AND NOT pg_has_role(current_user, '${OWNER_ROLE}', 'MEMBER') THEN
    EXECUTE format('GRANT ${OWNER_ROLE} TO %I', current_user);
  END IF;
END $$`;

/** Run by a superuser, or a role with CREATEROLE that owns the database. */
export async function ensureRoles(admin: pg.ClientBase): Promise<void> {
  await admin.query(ENSURE_ROLES);
}

/**
 * What each role needs in this database: the app may connect; the owner may create its tables in
 * `public` and install btree_gist (a trusted extension, so no superuser needed). Granted only when
 * missing: a GRANT rewrites the catalog row even when it changes nothing.
 */
export async function grantDatabaseAccess(admin: pg.ClientBase): Promise<void> {
  const { rows } = await admin.query<{ db: string; connect: boolean; create: boolean; schema: boolean }>(
    `SELECT current_database() AS db,
            has_database_privilege($1, current_database(), 'CONNECT') AS connect,
            has_database_privilege($2, current_database(), 'CREATE') AS create,
            has_schema_privilege($2, 'public', 'USAGE') AND has_schema_privilege($2, 'public', 'CREATE') AS schema`,
    [APP_ROLE, OWNER_ROLE],
  );
  const state = rows[0]!;
  const db = admin.escapeIdentifier(state.db);
  if (!state.connect) await admin.query(`GRANT CONNECT ON DATABASE ${db} TO ${APP_ROLE}`);
  if (!state.create) await admin.query(`GRANT CREATE ON DATABASE ${db} TO ${OWNER_ROLE}`);
  if (!state.schema) await admin.query(`GRANT USAGE, CREATE ON SCHEMA public TO ${OWNER_ROLE}`);
}
