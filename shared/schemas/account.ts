import { z } from "zod";
import { V, idSchema, requiredText } from "./common";
import { createLocationInput } from "./location";
import { ROLES, type Role } from "../permissions/roles";

/** Account messages beyond the common ones (i18n keys, like V). */
export const ACCOUNT_V = {
  passwordTooShort: "v.passwordTooShort",
} as const;

/** Long enough to resist guessing once rate limiting is bypassed; capped so hashing stays bounded. */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

export const emailSchema = z
  .string({ message: V.required })
  .trim()
  .min(1, V.required)
  .max(254, V.tooLong)
  .refine((s) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), V.email);

/** Never trimmed: a password is taken exactly as typed. */
export const passwordSchema = z
  .string({ message: V.required })
  .min(PASSWORD_MIN_LENGTH, ACCOUNT_V.passwordTooShort)
  .max(PASSWORD_MAX_LENGTH, V.tooLong);

/** The desktop registering itself; `id` lets a computer that already has a live device keep it. */
export const deviceInput = z.object({
  id: idSchema.optional(),
  name: requiredText(80),
});

export const signUpInput = z.object({
  /** The desktop's tenant id when it already has a local studio (its rows carry that id); else new. */
  tenantId: idSchema.optional(),
  studioName: requiredText(120),
  owner: z.object({ name: requiredText(120), email: emailSchema, password: passwordSchema }),
  location: createLocationInput.extend({ id: idSchema.optional() }),
  device: deviceInput,
});
export type SignUpInput = z.infer<typeof signUpInput>;

export const logInInput = z.object({
  email: emailSchema,
  // Not the sign-up rules: a password set under older rules must still log in.
  password: z.string({ message: V.required }).min(1, V.required).max(PASSWORD_MAX_LENGTH, V.tooLong),
  /** Which studio, for a person who belongs to several. */
  tenantId: idSchema.optional(),
  device: deviceInput,
  /** For a person with two-factor on: the authenticator's current code, or one backup code. */
  totpCode: z.string().trim().regex(/^\d{6}$/, V.invalid).optional(),
  backupCode: z.string().trim().min(1).max(40).optional(),
});
export type LogInInput = z.infer<typeof logInInput>;

export const refreshInput = z.object({ refreshToken: z.string().min(1).max(400) });

export const requestPasswordResetInput = z.object({ email: emailSchema });

export const resetPasswordInput = z.object({
  token: z.string({ message: V.required }).trim().min(1, V.required).max(200, V.invalid),
  newPassword: passwordSchema,
});

export const revokeDeviceInput = z.object({ deviceId: idSchema });

/** A studio member's role: the shared role set (shared/permissions/roles.ts). */
export const MEMBERSHIP_ROLES = ROLES;
export type MembershipRole = Role;

/** What logIn, signUp and refresh return: the desktop keeps the refresh token, sends the access token. */
export interface SessionTokens {
  accessToken: string;
  /** Epoch ms. */
  accessTokenExpiresAt: number;
  refreshToken: string;
  refreshTokenExpiresAt: number;
  userId: string;
  tenantId: string;
  deviceId: string;
  role: MembershipRole;
  /** The studio requires owners to use two-factor and this owner has none yet: only its setup is open. */
  totpSetupRequired?: boolean;
}

export interface DeviceSummary {
  id: string;
  name: string;
  userId: string;
  userEmail: string | null;
  userName: string | null;
  createdAt: string;
  lastSeenAt: string | null;
  revokedAt: string | null;
  /** The device making the request. */
  current: boolean;
}
