import type { Migration } from "../migration";
import { initialSchema } from "./001-initial-schema";
import { searchText } from "./002-search-text";
import { bookingsSchema } from "./003-bookings";
import { syncState } from "./004-sync-state";
import { accountSession } from "./005-account-session";
import { accountAccess } from "./006-account-access";
import { documentsSchema } from "./007-documents";
import { paymentsOfBookings } from "./008-payments-of-bookings";
import { accountDevices } from "./009-account-devices";
import { clientDocumentLanguage } from "./010-client-document-language";
import { bookingDiscount } from "./011-booking-discount";

/** In order; a migration's version is its position. Never edit one that has shipped: add the next. */
export const MIGRATIONS: readonly Migration[] = [initialSchema, searchText, bookingsSchema, syncState, accountSession, accountAccess, documentsSchema, paymentsOfBookings, accountDevices, clientDocumentLanguage, bookingDiscount];
export const LATEST_VERSION = MIGRATIONS.length;
