import type { PgMigration } from "./migration";

/**
 * The transaction-local settings Row-Level Security reads, and the one way a tenant table is
 * protected. NULLIF: on a pooled connection that already ran a transaction with the setting, it
 * reads '' afterwards, which must mean "no tenant" (no rows), not an error.
 */
export const tenantContext: PgMigration = {
  version: 1,
  name: "tenant context",
  up: `
    CREATE FUNCTION rsm_tenant() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE
      AS $$ SELECT NULLIF(current_setting('rsm.tenant_id', true), '')::uuid $$;
    CREATE FUNCTION rsm_user() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE
      AS $$ SELECT NULLIF(current_setting('rsm.user_id', true), '')::uuid $$;

    -- RLS on, forced even for the owner, one policy for every command: the row's tenant is the
    -- transaction's. Rows of another tenant are invisible to reads and refused to writes.
    CREATE FUNCTION rsm_isolate_tenant_table(t regclass) RETURNS void LANGUAGE plpgsql AS $$
    BEGIN
      EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', t);
      EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', t);
      EXECUTE format('CREATE POLICY tenant_isolation ON %s USING (tenant_id = rsm_tenant()) WITH CHECK (tenant_id = rsm_tenant())', t);
    END $$;
    REVOKE ALL ON FUNCTION rsm_isolate_tenant_table(regclass) FROM PUBLIC;
  `,
  down: `
    DROP FUNCTION rsm_isolate_tenant_table(regclass);
    DROP FUNCTION rsm_user();
    DROP FUNCTION rsm_tenant();
  `,
};
