// From 003: a shipped migration never changes, so this one cannot change through them.
import { SYNC_COLUMNS, versioned } from "./003-studio-data";
import type { PgMigration } from "./migration";

/** The desktop's default cancellation policy when this migration shipped (literal on purpose, as there). */
const DEFAULT_POLICY_JSON =
  '{"tiers":[{"minHoursBefore":168,"charge":"deposit","percentBp":0},{"minHoursBefore":72,"charge":"deposit","percentBp":5000},' +
  '{"minHoursBefore":24,"charge":"deposit","percentBp":10000},{"minHoursBefore":0,"charge":"session","percentBp":10000}],"noShowPercentBp":10000}';

/**
 * The studio row (the desktop's `studio` table: settings and booking settings) as a synced table,
 * where each member's permitted locations are kept, and what live streams listen to (new versions,
 * revoked devices).
 */
export const studioRowAndScopes: PgMigration = {
  version: 5,
  name: "studio row and location scopes",
  up: `
    CREATE TABLE studios (
      ${SYNC_COLUMNS},
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
      currency text NOT NULL DEFAULT 'EUR',
      default_deposit_bp integer NOT NULL DEFAULT 3000 CHECK (default_deposit_bp BETWEEN 0 AND 10000),
      default_vat_bp integer NOT NULL DEFAULT 2000 CHECK (default_vat_bp BETWEEN 0 AND 10000),
      hold_expiry_hours integer NOT NULL DEFAULT 48 CHECK (hold_expiry_hours >= 1),
      cancellation_policy jsonb NOT NULL DEFAULT '${DEFAULT_POLICY_JSON}',
      unpaid_balance_limit_cents bigint CHECK (unpaid_balance_limit_cents >= 0),
      -- The studio row is the tenant itself, as on the desktop: one per tenant.
      CHECK (id = tenant_id)
    );
    ${versioned("studios")}

    -- Login's studio list and "Studio account" read tenants.name: it follows the studio row. In a
    -- dedicated database the tenants row lives in the primary, so this finds nothing there.
    CREATE FUNCTION rsm_studio_name_to_tenant() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE tenants SET name = NEW.name WHERE tenant_id = NEW.tenant_id AND name IS DISTINCT FROM NEW.name;
      RETURN NULL;
    END $$;
    CREATE TRIGGER studios_name_to_tenant AFTER INSERT OR UPDATE OF name ON studios
      FOR EACH ROW EXECUTE FUNCTION rsm_studio_name_to_tenant();

    -- Studios signed up before this migration get their row (pooled ones: a dedicated database has
    -- no tenants rows). Unstamped, so the desktop's own settings win when it pushes them. RLS is
    -- lifted for the owner for these two statements only.
    ALTER TABLE tenants NO FORCE ROW LEVEL SECURITY;
    ALTER TABLE tenant_versions NO FORCE ROW LEVEL SECURITY;
    INSERT INTO studios (tenant_id, id, created_at, updated_at, name)
      SELECT t.tenant_id, t.tenant_id, t.created_at,
             lpad((extract(epoch from now()) * 1000)::bigint::text, 15, '0') || ':00000:server', t.name
        FROM tenants t
       WHERE NOT EXISTS (SELECT 1 FROM tenant_directory d WHERE d.tenant_id = t.tenant_id AND d.database_name IS NOT NULL);
    ALTER TABLE tenants FORCE ROW LEVEL SECURITY;
    ALTER TABLE tenant_versions FORCE ROW LEVEL SECURITY;

    -- The locations a member may see and change; none listed: all of them (owners always all).
    -- Kept with the studio's data (it names locations); user_id has no foreign key, as on devices.
    CREATE TABLE membership_locations (
      tenant_id uuid NOT NULL,
      user_id uuid NOT NULL,
      location_id uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, user_id, location_id),
      -- No cascade: a scope silently emptied would widen to every location.
      FOREIGN KEY (tenant_id, location_id) REFERENCES locations
    );

    SELECT rsm_isolate_tenant_table(t) FROM unnest(ARRAY['studios', 'membership_locations']::regclass[]) AS t;
    GRANT SELECT, INSERT, UPDATE ON studios TO rsm_app;
    GRANT SELECT, INSERT, DELETE ON membership_locations TO rsm_app;
    GRANT UPDATE (name) ON tenants TO rsm_app;

    -- sync.live: "tenant:version" on channel rsm_versions when a transaction that moved a tenant's
    -- version commits. Deferred to commit and reading the latest version, so a transaction writing
    -- many rows sends one message (NOTIFY folds identical payloads), and a rollback sends none.
    CREATE FUNCTION rsm_notify_version() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('rsm_versions', NEW.tenant_id::text || ':' || (SELECT v.version FROM tenant_versions v WHERE v.tenant_id = NEW.tenant_id));
      RETURN NULL;
    END $$;
    CREATE CONSTRAINT TRIGGER tenant_versions_notify AFTER INSERT OR UPDATE ON tenant_versions
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION rsm_notify_version();

    -- A revoked device's open live stream ends at once, on whichever server process holds it.
    CREATE FUNCTION rsm_notify_device_revoked() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('rsm_devices', NEW.tenant_id::text || ':' || NEW.id::text);
      RETURN NULL;
    END $$;
    CREATE TRIGGER devices_notify_revoked AFTER UPDATE OF revoked_at ON devices
      FOR EACH ROW WHEN (OLD.revoked_at IS NULL AND NEW.revoked_at IS NOT NULL) EXECUTE FUNCTION rsm_notify_device_revoked();
  `,
  down: `
    DROP TRIGGER devices_notify_revoked ON devices;
    DROP FUNCTION rsm_notify_device_revoked();
    DROP TRIGGER tenant_versions_notify ON tenant_versions;
    DROP FUNCTION rsm_notify_version();
    REVOKE UPDATE (name) ON tenants FROM rsm_app;
    DROP TABLE membership_locations, studios;
    DROP FUNCTION rsm_studio_name_to_tenant();
  `,
};
