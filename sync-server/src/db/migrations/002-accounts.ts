import type { PgMigration } from "./migration";

/**
 * Accounts. The directory tables (tenants, tenant_directory, users, memberships, login attempts,
 * reset tokens) are read from the primary database; devices and refresh tokens live with the
 * tenant's data (the primary, or its dedicated database). Every database has every table.
 */
export const accounts: PgMigration = {
  version: 2,
  name: "accounts",
  up: `
    CREATE TABLE tenants (
      tenant_id uuid PRIMARY KEY,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
      plan text NOT NULL DEFAULT 'trial' CHECK (plan IN ('trial', 'free', 'pro', 'enterprise')),
      trial_ends_at timestamptz,
      created_at timestamptz NOT NULL
    );

    -- Where a tenant's studio data lives: NULL, this (pooled) database; else a dedicated database
    -- on the same server, with the same schema.
    CREATE TABLE tenant_directory (
      tenant_id uuid PRIMARY KEY REFERENCES tenants ON DELETE CASCADE,
      database_name text CHECK (database_name ~ '^[a-z_][a-z0-9_]{0,62}$'),
      updated_at timestamptz NOT NULL
    );

    -- One identity per person (a freelance engineer may work for several studios): global, no tenant.
    CREATE TABLE users (
      id uuid PRIMARY KEY,
      email text NOT NULL,
      email_key text NOT NULL UNIQUE CHECK (email_key = lower(btrim(email))),
      name text NOT NULL,
      password_hash text NOT NULL,
      password_changed_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL
    );

    CREATE TABLE memberships (
      tenant_id uuid NOT NULL REFERENCES tenants ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users ON DELETE CASCADE,
      role text NOT NULL CHECK (role IN ('owner', 'admin', 'staff')),
      created_at timestamptz NOT NULL,
      PRIMARY KEY (tenant_id, user_id)
    );
    -- Login finds a person's studios before any tenant is known: the one index not led by tenant_id.
    CREATE INDEX memberships_user ON memberships (user_id, tenant_id);

    -- Failed logins per (email, IP), for rate limiting. Pre-authentication, so global.
    CREATE TABLE login_attempts (
      email_key text NOT NULL,
      ip text NOT NULL,
      attempted_at timestamptz NOT NULL,
      id uuid NOT NULL,
      PRIMARY KEY (email_key, ip, attempted_at, id)
    );

    -- Only a SHA-256 of each emailed token is kept: a leaked table resets no password.
    CREATE TABLE password_reset_tokens (
      id uuid PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users ON DELETE CASCADE,
      token_hash bytea NOT NULL UNIQUE,
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      used_at timestamptz
    );
    CREATE INDEX password_reset_tokens_user ON password_reset_tokens (user_id, created_at);

    -- A desktop signed in to a studio. user_id has no foreign key: users live in the primary
    -- database, devices with the tenant's data.
    CREATE TABLE devices (
      tenant_id uuid NOT NULL,
      id uuid NOT NULL,
      user_id uuid NOT NULL,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
      created_at timestamptz NOT NULL,
      last_seen_at timestamptz,
      revoked_at timestamptz,
      revoked_by uuid,
      PRIMARY KEY (tenant_id, id)
    );
    CREATE INDEX devices_user ON devices (tenant_id, user_id);

    -- Rotating refresh tokens: each use exchanges the token for its successor in the same family;
    -- a rotated token presented again means a copy exists, and the whole family is revoked.
    CREATE TABLE refresh_tokens (
      tenant_id uuid NOT NULL,
      id uuid NOT NULL,
      family_id uuid NOT NULL,
      device_id uuid NOT NULL,
      user_id uuid NOT NULL,
      token_hash bytea NOT NULL,
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      rotated_at timestamptz,
      revoked_at timestamptz,
      PRIMARY KEY (tenant_id, id),
      FOREIGN KEY (tenant_id, device_id) REFERENCES devices ON DELETE CASCADE
    );
    CREATE INDEX refresh_tokens_family ON refresh_tokens (tenant_id, family_id);
    CREATE INDEX refresh_tokens_device ON refresh_tokens (tenant_id, device_id);

    SELECT rsm_isolate_tenant_table(t) FROM unnest(ARRAY['tenants', 'tenant_directory', 'memberships', 'devices', 'refresh_tokens']::regclass[]) AS t;
    -- At login, before a studio is chosen, a person sees their own memberships and those studios.
    CREATE POLICY own_memberships ON memberships FOR SELECT USING (user_id = rsm_user());
    -- The migrator (acting as the owner) lists dedicated databases to bring each to the same schema.
    CREATE POLICY owner_reads_directory ON tenant_directory FOR SELECT TO rsm_owner USING (true);
    CREATE POLICY member_tenants ON tenants FOR SELECT
      USING (EXISTS (SELECT 1 FROM memberships m WHERE m.tenant_id = tenants.tenant_id AND m.user_id = rsm_user()));

    -- DELETE on tenants and users: a sign-up whose second step failed is undone.
    GRANT SELECT, INSERT, DELETE ON tenants TO rsm_app;
    GRANT SELECT, INSERT ON tenant_directory TO rsm_app;
    GRANT SELECT, INSERT, UPDATE, DELETE ON users TO rsm_app;
    GRANT SELECT, INSERT ON memberships TO rsm_app;
    GRANT SELECT, INSERT, DELETE ON login_attempts TO rsm_app;
    GRANT SELECT, INSERT, UPDATE ON password_reset_tokens TO rsm_app;
    GRANT SELECT, INSERT, UPDATE ON devices TO rsm_app;
    GRANT SELECT, INSERT, UPDATE ON refresh_tokens TO rsm_app;
  `,
  down: `
    DROP TABLE refresh_tokens, devices, password_reset_tokens, login_attempts, memberships, users, tenant_directory, tenants;
  `,
};
