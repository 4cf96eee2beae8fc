import os from "node:os";
import type { z } from "zod";
import type { SessionTokens } from "../../../shared/schemas/account";
import { connectInvitationInput, connectLogInInput, connectSignUpInput, type AccountStatus } from "../../../shared/schemas/account-link";
import { AppError, issuesToFieldErrors } from "../errors";
import type { StudioCore } from "../studio-core";
import type { AccountSessionStore } from "./account-session-store";
import { asAppError, createServerClient } from "./server-client";

function parse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION_FAILED", "Invalid account details", issuesToFieldErrors(parsed.error.issues));
  return parsed.data;
}

/** What a computer is called in the owner's device list, unless the person names it. */
export function defaultDeviceName(): string {
  return os.hostname() || "Desktop";
}

/**
 * "Connect to studio account": signing up uploads the studio this computer already holds (the
 * server takes its tenant id and first location, then the outbox pushes everything else);
 * logging in on a fresh computer makes it the studio's replica (the first pull fills it), and on
 * the studio's own computer (after "log in again") resumes with everything still pending.
 */
export class AccountLink {
  constructor(
    private readonly core: StudioCore,
    private readonly sessions: AccountSessionStore,
    /** Called once a session is saved: starts sync. */
    private readonly onConnected: () => void,
  ) {}

  status(): AccountStatus {
    return this.sessions.status();
  }

  async signUp(input: unknown): Promise<AccountStatus> {
    const form = parse(connectSignUpInput, input);
    const studio = this.core.studio.find();
    if (!studio) throw new AppError("NOT_INITIALIZED", "Set up the studio on this computer first, then connect it");
    if (this.sessions.get()) throw new AppError("ALREADY_INITIALIZED", "This computer is already connected to a studio account");
    const first = this.core.db
      .prepare("SELECT id FROM locations WHERE deleted_at IS NULL ORDER BY archived_at IS NOT NULL, created_at, id LIMIT 1")
      .get() as { id: string } | undefined;
    if (!first) throw new AppError("NOT_INITIALIZED", "The studio has no location yet");
    const l = this.core.locations.get(first.id);
    const server = createServerClient(form.serverUrl, () => null);
    const tokens = await callServer(() =>
      server.accounts.signUp.mutate({
        tenantId: studio.tenantId,
        studioName: studio.name,
        owner: { name: form.ownerName, email: form.email, password: form.password },
        location: { id: l.id, name: l.name, timeZone: l.timeZone, address: l.address, phone: l.phone, email: l.email, openingHours: l.openingHours, closures: l.closures },
        device: { name: form.deviceName },
      }),
    );
    return this.connected(form.serverUrl, form.email, tokens);
  }

  async logIn(input: unknown): Promise<AccountStatus> {
    const form = parse(connectLogInInput, input);
    // This computer's device entry for that person on that server, kept across logouts: logging
    // in again resumes it (the server makes a new one only if it was revoked, or is someone else's).
    const knownDevice = this.sessions.knownDevice(form.serverUrl, form.email);
    const server = createServerClient(form.serverUrl, () => null);
    const tokens = await callServer(() =>
      server.accounts.logIn.mutate({
        email: form.email,
        password: form.password,
        ...(form.tenantId ? { tenantId: form.tenantId } : {}),
        // TOTP_REQUIRED comes back as is: the app asks for the code and logs in again with it.
        ...(form.totpCode ? { totpCode: form.totpCode } : {}),
        ...(form.backupCode ? { backupCode: form.backupCode } : {}),
        // Logging in again keeps this computer's device entry (the owner sees one desk, not two).
        device: { name: form.deviceName, ...(knownDevice ? { id: knownDevice } : {}) },
      }),
    );
    return this.joined(form.serverUrl, form.email, tokens);
  }

  /**
   * "Join a studio" with an emailed invitation code: the server makes the membership (and the
   * account, for a new person) and a session; then as a login on a fresh computer.
   */
  async acceptInvitation(input: unknown): Promise<AccountStatus> {
    const form = parse(connectInvitationInput, input);
    const server = createServerClient(form.serverUrl, () => null);
    const tokens = await callServer(() =>
      server.accounts.acceptInvitation.mutate({ token: form.token, name: form.name, password: form.password, device: { name: form.deviceName } }),
    );
    const authed = createServerClient(form.serverUrl, () => tokens.accessToken);
    const me = await callServer(() => authed.accounts.me.query());
    return this.joined(form.serverUrl, me.email, tokens, me.studioName);
  }

  /** A session for a studio: refused on a computer holding another studio; a fresh one adopts it. */
  private async joined(serverUrl: string, email: string, tokens: SessionTokens, studioName?: string): Promise<AccountStatus> {
    const local = this.core.studio.find();
    if (local && local.tenantId !== tokens.tenantId) {
      throw new AppError("OTHER_STUDIO_HERE", `This computer holds the studio "${local.name}", not the account's studio`, undefined, { localStudio: local.name });
    }
    if (!local) {
      const authed = createServerClient(serverUrl, () => tokens.accessToken);
      const name = studioName ?? (await callServer(() => authed.accounts.me.query())).studioName;
      this.core.adoptServerStudio({ tenantId: tokens.tenantId, name });
    }
    return this.connected(serverUrl, email, tokens);
  }

  /**
   * Logs this computer out at once, whatever the network: the account link goes, the studio's
   * data, its pending changes and the device id stay here. Then the server is told to end the
   * session (a few seconds at most); out of reach, it is told at the next chance, and the status
   * says so (`serverLogOutPending`).
   */
  async logOut(): Promise<AccountStatus> {
    this.sessions.logOutLocally(new Date(this.core.now()).toISOString());
    const told = this.core.sync.logOuts.flush();
    this.onConnected(); // stops sync at once, without waiting for the server
    await told;
    return this.sessions.status();
  }

  private connected(serverUrl: string, email: string, tokens: SessionTokens): AccountStatus {
    this.sessions.saveLogin(serverUrl, email.trim(), tokens);
    this.onConnected();
    return this.sessions.status();
  }
}

async function callServer<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw asAppError(e);
  }
}
