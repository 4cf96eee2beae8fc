import { tenantContext } from "./001-tenant-context";
import { accounts } from "./002-accounts";
import { studioData } from "./003-studio-data";
import { bookingOverlaps } from "./004-booking-overlaps";
import { studioRowAndScopes } from "./005-studio-row-and-scopes";
import { seriesAndBlockouts } from "./006-series-and-blockouts";
import { rolesAuditTwoFactor } from "./007-roles-audit-two-factor";
import { billing } from "./008-billing";
import { documents } from "./009-documents";
import { mailInDedicatedDatabases } from "./010-mail-in-dedicated-databases";
import { paymentsOfBookings } from "./011-payments-of-bookings";
import { operatorBilling } from "./012-operator-billing";
import { clientDocumentLanguage } from "./013-client-document-language";
import { frozenQuote } from "./014-frozen-quote";
import { invitationCancel } from "./015-invitation-cancel";
import { bookingDiscount } from "./016-booking-discount";
import type { PgMigration } from "./migration";

/** In order; a migration, once shipped, never changes (add the next one instead). */
export const PG_MIGRATIONS: readonly PgMigration[] = [tenantContext, accounts, studioData, bookingOverlaps, studioRowAndScopes, seriesAndBlockouts, rolesAuditTwoFactor, billing, documents, mailInDedicatedDatabases, paymentsOfBookings, operatorBilling, clientDocumentLanguage, frozenQuote, invitationCancel, bookingDiscount];
