import type { Plan } from "./plans";

/**
 * What a plan allows, defined once for the server (which enforces it on push) and the desktop
 * (which shows usage meters and mirrors the limits offline). `null` means unlimited.
 */
export interface Entitlements {
  plan: Plan;
  maxLocations: number | null;
  maxRooms: number | null;
  maxUsers: number | null;
  maxBookingsPerMonth: number | null;
  sms: boolean;
  webhooks: boolean;
  sso: boolean;
  auditExport: boolean;
  dedicatedDatabase: boolean;
}

const ENTITLEMENTS: Readonly<Record<Plan, Entitlements>> = {
  free: {
    plan: "free",
    maxLocations: 1,
    maxRooms: 2,
    maxUsers: 2,
    maxBookingsPerMonth: 50,
    sms: false,
    webhooks: false,
    sso: false,
    auditExport: false,
    dedicatedDatabase: false,
  },
  pro: {
    plan: "pro",
    maxLocations: 3,
    maxRooms: null,
    maxUsers: 10,
    maxBookingsPerMonth: null,
    sms: true,
    webhooks: true,
    sso: false,
    auditExport: false,
    dedicatedDatabase: false,
  },
  enterprise: {
    plan: "enterprise",
    maxLocations: null,
    maxRooms: null,
    maxUsers: null,
    maxBookingsPerMonth: null,
    sms: true,
    webhooks: true,
    sso: true,
    auditExport: true,
    dedicatedDatabase: true,
  },
};

export function entitlementsOf(plan: Plan): Entitlements {
  return ENTITLEMENTS[plan];
}
