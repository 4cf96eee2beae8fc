import type { Migration } from "../migration";
import { initialSchema } from "./001-initial-schema";
import { searchText } from "./002-search-text";

/** In order; a migration's version is its position. Never edit one that has shipped: add the next. */
export const MIGRATIONS: readonly Migration[] = [initialSchema, searchText];
export const LATEST_VERSION = MIGRATIONS.length;
