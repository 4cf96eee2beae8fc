import { z } from "zod";
import { V, idSchema, requiredText } from "./common";
import { emailSchema, passwordSchema } from "./account";

/** "https://sync.studio.fr/" → "https://sync.studio.fr": http(s) only, no trailing slash. */
export const serverUrlSchema = z
  .string({ message: V.required })
  .trim()
  .min(1, V.required)
  .max(500, V.tooLong)
  .transform((text, ctx) => {
    try {
      const url = new URL(text);
      if (url.protocol === "http:" || url.protocol === "https:") return url.origin + url.pathname.replace(/\/+$/, "");
    } catch {
      // reported below
    }
    ctx.addIssue({ code: "custom", message: V.url });
    return z.NEVER;
  });

/** "Connect to studio account" on a computer that holds a studio: create the account and upload it. */
export const connectSignUpInput = z.object({
  serverUrl: serverUrlSchema,
  ownerName: requiredText(120),
  email: emailSchema,
  password: passwordSchema,
  deviceName: requiredText(80),
});
export type ConnectSignUpInput = z.input<typeof connectSignUpInput>;

/** "Connect to studio account" with an existing account: a fresh computer pulls the studio. */
export const connectLogInInput = z.object({
  serverUrl: serverUrlSchema,
  email: emailSchema,
  password: z.string({ message: V.required }).min(1, V.required).max(200, V.tooLong),
  /** For a person in several studios, the one chosen after TENANT_REQUIRED. */
  tenantId: idSchema.optional(),
  deviceName: requiredText(80),
  /** After TOTP_REQUIRED: the authenticator's code, or one backup code. */
  totpCode: z.string().trim().regex(/^\d{6}$/, V.invalid).optional(),
  backupCode: z.string().trim().min(1, V.required).max(40, V.tooLong).optional(),
});
export type ConnectLogInInput = z.input<typeof connectLogInInput>;

/** "Join a studio" with the code of an invitation mail (members.invite on the server). */
export const connectInvitationInput = z.object({
  serverUrl: serverUrlSchema,
  token: z.string({ message: V.required }).trim().min(1, V.required).max(300, V.invalid),
  name: requiredText(120),
  /** A new account's password; for a person who already has an account, its current password. */
  password: passwordSchema,
  deviceName: requiredText(80),
});
export type ConnectInvitationInput = z.input<typeof connectInvitationInput>;

/** What the app shows under "Studio account". */
export interface AccountStatus {
  connected: boolean;
  serverUrl: string | null;
  email: string | null;
  role: string | null;
  tenantId: string | null;
  deviceId: string | null;
  connectedAt: string | null;
  /** Set when the server refused the session: log in again (pending changes are kept). */
  loginRequired: string | null;
  /**
   * Logged out while the server was out of reach: this computer is logged out, but the server has
   * not yet ended the session (the app tells it at the next chance; the session expires anyway).
   */
  serverLogOutPending: boolean;
}
