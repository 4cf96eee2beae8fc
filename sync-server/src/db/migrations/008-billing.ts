import type { PgMigration } from "./migration";

/**
 * Plans and billing (issue 8). Both tables live with the directory in the primary database, like
 * `tenants`: a Stripe webhook arrives before any studio is known, and a studio's plan must be
 * read the same way wherever its data lives (pooled or dedicated).
 *
 * `subscriptions` is tenant data (RLS, keyed by the studio). `stripe_events` is not: it is Stripe's
 * delivery log, written before the event's studio is known (the tenant is read from the object's
 * metadata, or from the re-read subscription), and holds no studio data, only event ids and types.
 * Neither has an index not led by tenant_id: the webhook never looks a studio up by customer id,
 * it is told the studio by the metadata this server put on the customer and the subscription.
 */
export const billing: PgMigration = {
  version: 8,
  name: "billing",
  up: `
    -- One row per studio once it has gone through Checkout (the customer is made once, kept forever);
    -- the subscription's fields are those last read from Stripe's API, never from an event payload.
    CREATE TABLE subscriptions (
      tenant_id uuid PRIMARY KEY REFERENCES tenants ON DELETE CASCADE,
      stripe_customer_id text,
      stripe_subscription_id text,
      plan text CHECK (plan IN ('pro', 'enterprise')),
      billing_interval text CHECK (billing_interval IN ('month', 'year')),
      status text CHECK (status IN ('trialing', 'active', 'past_due', 'unpaid', 'canceled', 'incomplete', 'incomplete_expired', 'paused')),
      current_period_end timestamptz,
      trial_end timestamptz,
      -- When this server first saw the subscription past due: the read-only grace counts from here.
      past_due_since timestamptz,
      cancel_at_period_end boolean NOT NULL DEFAULT false,
      updated_at timestamptz NOT NULL,
      CHECK ((stripe_subscription_id IS NULL) = (status IS NULL)),
      CHECK ((status IS NULL) = (plan IS NULL) AND (plan IS NULL) = (billing_interval IS NULL))
    );
    SELECT rsm_isolate_tenant_table('subscriptions');
    GRANT SELECT, INSERT, UPDATE ON subscriptions TO rsm_app;

    -- Each Stripe event once: received_at on first delivery, processed_at when its effect committed
    -- (a delivery that failed half-way is processed again when Stripe retries it).
    CREATE TABLE stripe_events (
      event_id text PRIMARY KEY CHECK (event_id ~ '^evt_[A-Za-z0-9_]+$'),
      type text NOT NULL,
      received_at timestamptz NOT NULL,
      processed_at timestamptz,
      outcome text
    );
    GRANT SELECT, INSERT, UPDATE (processed_at, outcome) ON stripe_events TO rsm_app;

    -- Free's monthly booking limit counts the month's bookings on every new one pushed.
    CREATE INDEX bookings_created ON bookings (tenant_id, created_at);
  `,
  down: `
    DROP INDEX bookings_created;
    DROP TABLE stripe_events, subscriptions;
  `,
};
