import type { PgMigration } from "./migration";

/** The shared role set (shared/permissions/roles.ts) as it was when this migration shipped. */
const ROLES_SQL = "'owner', 'admin', 'manager', 'front_desk', 'engineer', 'viewer', 'accountant'";

/**
 * Roles, delegations, the audit log, two-factor authentication and invitations (issue 5).
 * Directory-side tables (per person, or read before a studio is chosen) live in the primary
 * database like users and memberships; delegations and audit events live with the studio's data.
 */
export const rolesAuditTwoFactor: PgMigration = {
  version: 7,
  name: "roles, delegations, audit log, two-factor, invitations",
  up: `
    ALTER TABLE memberships DROP CONSTRAINT memberships_role_check;
    -- RLS hides every row from the owner role too: lifted for this one statement.
    ALTER TABLE memberships NO FORCE ROW LEVEL SECURITY;
    UPDATE memberships SET role = 'front_desk' WHERE role = 'staff';
    ALTER TABLE memberships FORCE ROW LEVEL SECURITY;
    ALTER TABLE memberships ADD CONSTRAINT memberships_role_check CHECK (role IN (${ROLES_SQL}));
    GRANT UPDATE (role), DELETE ON memberships TO rsm_app;

    ALTER TABLE tenants ADD COLUMN require_owner_2fa boolean NOT NULL DEFAULT false;
    GRANT UPDATE (require_owner_2fa) ON tenants TO rsm_app;

    -- Some of a person's permissions lent to another until expires_at (server clock decides).
    CREATE TABLE delegations (
      tenant_id uuid NOT NULL,
      id uuid NOT NULL,
      from_user_id uuid NOT NULL,
      to_user_id uuid NOT NULL,
      permissions text[] NOT NULL CHECK (cardinality(permissions) > 0),
      location_ids uuid[],
      expires_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL,
      revoked_at timestamptz,
      PRIMARY KEY (tenant_id, id),
      CHECK (from_user_id <> to_user_id)
    );
    CREATE INDEX delegations_to ON delegations (tenant_id, to_user_id, expires_at);
    CREATE INDEX delegations_from ON delegations (tenant_id, from_user_id, expires_at);

    -- Append-only: the app role may add and read, never change or remove.
    CREATE TABLE audit_events (
      tenant_id uuid NOT NULL,
      id uuid NOT NULL,
      at timestamptz NOT NULL,
      -- Orders events of one millisecond (a push's mutations) as they were written.
      seq bigint GENERATED ALWAYS AS IDENTITY,
      user_id uuid,
      device_id uuid,
      kind text NOT NULL CHECK (kind IN ('change', 'security')),
      action text NOT NULL,
      entity text,
      row_id text,
      hlc text,
      before jsonb,
      after jsonb,
      ip text,
      details jsonb,
      PRIMARY KEY (tenant_id, id)
    );
    CREATE INDEX audit_events_at ON audit_events (tenant_id, at DESC, seq DESC);

    SELECT rsm_isolate_tenant_table(t) FROM unnest(ARRAY['delegations', 'audit_events']::regclass[]) AS t;
    GRANT SELECT, INSERT, UPDATE (revoked_at) ON delegations TO rsm_app;
    GRANT SELECT, INSERT ON audit_events TO rsm_app;

    -- Per person (one identity across studios), like users: the secret is AES-256-GCM encrypted
    -- with a key derived from the server's token secret; pending_* is a setup not yet confirmed.
    CREATE TABLE user_totp (
      user_id uuid PRIMARY KEY REFERENCES users ON DELETE CASCADE,
      secret_enc bytea,
      pending_secret_enc bytea,
      enabled_at timestamptz,
      last_used_step bigint
    );
    -- Single-use backup codes: only a SHA-256 of each is kept.
    CREATE TABLE user_backup_codes (
      user_id uuid NOT NULL REFERENCES users ON DELETE CASCADE,
      code_hash bytea NOT NULL,
      used_at timestamptz,
      PRIMARY KEY (user_id, code_hash)
    );
    GRANT SELECT, INSERT, UPDATE, DELETE ON user_totp, user_backup_codes TO rsm_app;

    -- Emailed invitations; the token names its tenant, so accepting it sets the tenant context first.
    CREATE TABLE invitations (
      tenant_id uuid NOT NULL REFERENCES tenants ON DELETE CASCADE,
      id uuid NOT NULL,
      email text NOT NULL,
      email_key text NOT NULL,
      role text NOT NULL CHECK (role IN (${ROLES_SQL})),
      location_ids uuid[],
      token_hash bytea NOT NULL,
      invited_by uuid NOT NULL,
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      accepted_at timestamptz,
      PRIMARY KEY (tenant_id, id)
    );
    CREATE UNIQUE INDEX invitations_token ON invitations (tenant_id, token_hash);
    SELECT rsm_isolate_tenant_table('invitations');
    GRANT SELECT, INSERT, UPDATE (accepted_at) ON invitations TO rsm_app;
  `,
  down: `
    DROP TABLE invitations, user_backup_codes, user_totp, audit_events, delegations;
    REVOKE UPDATE (require_owner_2fa) ON tenants FROM rsm_app;
    ALTER TABLE tenants DROP COLUMN require_owner_2fa;
    REVOKE UPDATE (role), DELETE ON memberships FROM rsm_app;
    ALTER TABLE memberships DROP CONSTRAINT memberships_role_check;
    ALTER TABLE memberships NO FORCE ROW LEVEL SECURITY;
    UPDATE memberships SET role = 'staff' WHERE role NOT IN ('owner', 'admin');
    ALTER TABLE memberships FORCE ROW LEVEL SECURITY;
    ALTER TABLE memberships ADD CONSTRAINT memberships_role_check CHECK (role IN ('owner', 'admin', 'staff'));
  `,
};
