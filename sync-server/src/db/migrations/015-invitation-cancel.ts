import type { PgMigration } from "./migration";

/**
 * An invitation can be cancelled (or replaced by a resent one) before it is accepted: its code then
 * answers INVITATION_CANCELLED. Kept as a mark rather than a deletion, so who cancelled it stays known.
 */
export const invitationCancel: PgMigration = {
  version: 15,
  name: "invitations can be cancelled",
  up: `
    ALTER TABLE invitations ADD COLUMN cancelled_at timestamptz, ADD COLUMN cancelled_by uuid;
    GRANT UPDATE (cancelled_at, cancelled_by) ON invitations TO rsm_app;
  `,
  down: `
    REVOKE UPDATE (cancelled_at, cancelled_by) ON invitations FROM rsm_app;
    ALTER TABLE invitations DROP COLUMN cancelled_at, DROP COLUMN cancelled_by;
  `,
};
