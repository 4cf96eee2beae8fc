import type { PgMigration } from "./migration";

/**
 * The operator's view of the SaaS (issue 7) needs two things `subscriptions` cannot give:
 *
 * 1. History. `subscriptions` holds a studio's current state only; churn, cohorts and trial
 *    conversion need every state it went through. A trigger appends each new state to
 *    `subscription_history` in the webhook's own transaction, so no code path can forget it and
 *    the app role cannot write or rewrite it (it may only read a studio's own rows, under RLS). Existing rows are
 *    copied once, dated by their updated_at (the best this server knows of them).
 *
 * 2. A read across studios. The app role sees one studio at a time (RLS). The operator's read is one
 *    explicit door: rsm_operator_billing(), run with the owner's rights, which returns billing facts
 *    only (sign-up date, trial end, placement, subscription states; no names, people or studio
 *    data). The server calls it only behind operatorProcedure (OPERATOR_TOKEN). The owner (NOLOGIN,
 *    used by migrations) gets SELECT policies on exactly the tables it reads.
 *
 * Billing lives in the primary database for every studio (migration 008), dedicated ones included:
 * the directory says which studios those are.
 */
export const operatorBilling: PgMigration = {
  version: 12,
  name: "operator billing view",
  up: `
    CREATE TABLE subscription_history (
      tenant_id uuid NOT NULL REFERENCES tenants ON DELETE CASCADE,
      seq bigint GENERATED ALWAYS AS IDENTITY,
      at timestamptz NOT NULL,
      stripe_subscription_id text NOT NULL,
      plan text NOT NULL CHECK (plan IN ('pro', 'enterprise')),
      billing_interval text NOT NULL CHECK (billing_interval IN ('month', 'year')),
      status text NOT NULL,
      trial_end timestamptz,
      cancel_at_period_end boolean NOT NULL,
      PRIMARY KEY (tenant_id, seq)
    );
    SELECT rsm_isolate_tenant_table('subscription_history');
    -- Read like any tenant table (one studio at a time); never written by the app, only by the trigger.
    GRANT SELECT ON subscription_history TO rsm_app;
    CREATE POLICY owner_records_history ON subscription_history FOR INSERT TO rsm_owner WITH CHECK (true);
    CREATE POLICY operator_reads_history ON subscription_history FOR SELECT TO rsm_owner USING (true);
    CREATE POLICY operator_reads_subscriptions ON subscriptions FOR SELECT TO rsm_owner USING (true);
    CREATE POLICY operator_reads_tenants ON tenants FOR SELECT TO rsm_owner USING (true);

    -- A new state only: a webhook re-reading an unchanged subscription adds nothing.
    CREATE FUNCTION rsm_record_subscription_change() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    BEGIN
      IF NEW.status IS NULL THEN RETURN NULL; END IF;
      IF TG_OP = 'UPDATE' AND (NEW.stripe_subscription_id, NEW.plan, NEW.billing_interval, NEW.status, NEW.trial_end, NEW.cancel_at_period_end)
         IS NOT DISTINCT FROM (OLD.stripe_subscription_id, OLD.plan, OLD.billing_interval, OLD.status, OLD.trial_end, OLD.cancel_at_period_end) THEN
        RETURN NULL;
      END IF;
      INSERT INTO subscription_history (tenant_id, at, stripe_subscription_id, plan, billing_interval, status, trial_end, cancel_at_period_end)
        VALUES (NEW.tenant_id, NEW.updated_at, NEW.stripe_subscription_id, NEW.plan, NEW.billing_interval, NEW.status, NEW.trial_end, NEW.cancel_at_period_end);
      RETURN NULL;
    END $$;
    REVOKE ALL ON FUNCTION rsm_record_subscription_change() FROM PUBLIC;
    CREATE TRIGGER subscription_history AFTER INSERT OR UPDATE ON subscriptions
      FOR EACH ROW EXECUTE FUNCTION rsm_record_subscription_change();

    INSERT INTO subscription_history (tenant_id, at, stripe_subscription_id, plan, billing_interval, status, trial_end, cancel_at_period_end)
      SELECT tenant_id, updated_at, stripe_subscription_id, plan, billing_interval, status, trial_end, cancel_at_period_end
      FROM subscriptions WHERE status IS NOT NULL;

    -- Every studio (pooled or dedicated) with its subscription states, oldest first; instants in ms.
    CREATE FUNCTION rsm_operator_billing()
      RETURNS TABLE (tenant_id uuid, signed_up_at_ms bigint, trial_ends_at_ms bigint, database_name text, changes jsonb)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      SELECT t.tenant_id,
             (extract(epoch FROM t.created_at) * 1000)::bigint,
             (extract(epoch FROM t.trial_ends_at) * 1000)::bigint,
             d.database_name,
             COALESCE((SELECT jsonb_agg(jsonb_build_object(
                         'at', (extract(epoch FROM h.at) * 1000)::bigint, 'plan', h.plan, 'interval', h.billing_interval, 'status', h.status,
                         'trialEnd', (extract(epoch FROM h.trial_end) * 1000)::bigint) ORDER BY h.at, h.seq)
                       FROM subscription_history h WHERE h.tenant_id = t.tenant_id), '[]'::jsonb)
      FROM tenants t LEFT JOIN tenant_directory d ON d.tenant_id = t.tenant_id
      ORDER BY t.created_at, t.tenant_id
    $$;
    REVOKE ALL ON FUNCTION rsm_operator_billing() FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION rsm_operator_billing() TO rsm_app;
  `,
  down: `
    DROP FUNCTION rsm_operator_billing();
    DROP TRIGGER subscription_history ON subscriptions;
    DROP FUNCTION rsm_record_subscription_change();
    DROP POLICY operator_reads_tenants ON tenants;
    DROP POLICY operator_reads_subscriptions ON subscriptions;
    DROP TABLE subscription_history;
  `,
};
