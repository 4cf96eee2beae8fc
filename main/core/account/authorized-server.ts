import type { SessionTokens } from "../../../shared/schemas/account";
import { AppError } from "../errors";
import type { AccountSessionStore } from "./account-session-store";
import { asAppError, createServerClient, LOGIN_AGAIN_CODES, type ServerClient } from "./server-client";

/** Refreshed this long before it expires, so a request never leaves with a token about to lapse. */
const REFRESH_MARGIN_MS = 30_000;

/**
 * Calls to the sync server on behalf of the connected account: the access token is refreshed
 * (one refresh at a time: a rotating refresh token used twice would end the session) when it is
 * near expiry or refused as expired; when the server refuses the session itself, the store is
 * marked "log in again" and the caller gets LOGIN_REQUIRED, its pending changes untouched.
 */
export class AuthorizedServer {
  readonly client: ServerClient;
  private refreshing: Promise<void> | null = null;

  constructor(
    private readonly store: AccountSessionStore,
    readonly serverUrl: string,
    private readonly now: () => number = Date.now,
  ) {
    this.client = createServerClient(serverUrl, () => this.store.get()?.accessToken ?? null);
  }

  async call<T>(fn: (client: ServerClient) => Promise<T>): Promise<T> {
    await this.ensureFresh();
    try {
      return await fn(this.client);
    } catch (e) {
      const err = asAppError(e);
      if (err.code !== "TOKEN_EXPIRED" && err.code !== "UNAUTHENTICATED") throw this.sessionRefused(err);
      // The token lapsed in flight (or the server's clock runs ahead): one refresh, one retry.
      await this.refresh();
      try {
        return await fn(this.client);
      } catch (again) {
        throw this.sessionRefused(asAppError(again));
      }
    }
  }

  /** Before a request (or opening the live stream): refresh when the token is missing or near its end. */
  async ensureFresh(): Promise<void> {
    const s = this.store.get();
    if (!s) throw new AppError("NOT_CONNECTED", "This computer is not connected to a studio account");
    if (s.loginRequired) throw new AppError("LOGIN_REQUIRED", s.loginRequired);
    if (!s.accessToken || (s.accessExpiresAt ?? 0) - REFRESH_MARGIN_MS <= this.now()) await this.refresh();
  }

  /** The server says the access token has lapsed (its clock is ahead): the next call refreshes first. */
  forgetAccessToken(): void {
    this.store.expireAccessToken();
  }

  private refresh(): Promise<void> {
    this.refreshing ??= this.doRefresh().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async doRefresh(): Promise<void> {
    const refreshToken = this.store.get()?.refreshToken;
    if (!refreshToken) throw this.sessionRefused(new AppError("LOGIN_REQUIRED", "No refresh token: log in again"));
    let tokens: SessionTokens;
    try {
      tokens = await this.client.accounts.refresh.mutate({ refreshToken });
    } catch (e) {
      throw this.sessionRefused(asAppError(e));
    }
    this.store.saveTokens(tokens);
  }

  /** A refusal of the session itself becomes LOGIN_REQUIRED (remembered); anything else passes through. */
  private sessionRefused(err: AppError): AppError {
    if (!LOGIN_AGAIN_CODES.includes(err.code)) return err;
    const reason = `${err.code}: ${err.message}`;
    this.store.requireLogin(reason);
    return new AppError("LOGIN_REQUIRED", reason, undefined, { cause: err.code });
  }
}
