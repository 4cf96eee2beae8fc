import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { tenantsOf } from "./account-errors";

/** A refusal as the renderer receives it from the core. */
const refusal = (appCode: string, details: unknown) =>
  new TRPCClientError<never>("refused", { result: { error: { code: -32600, message: "refused", data: { appCode, details } } } as never });

describe("tenantsOf", () => {
  it("lists the studios offered after TENANT_REQUIRED", () => {
    const tenants = [{ tenantId: "01a00000-0000-7000-8000-000000000001", tenantName: "Studio Lumière", role: "owner" }];
    expect(tenantsOf(refusal("TENANT_REQUIRED", { tenants }))).toEqual(tenants);
  });

  it("is empty for any other refusal, or details of another shape", () => {
    expect(tenantsOf(refusal("INVALID_CREDENTIALS", { tenants: [{}] }))).toEqual([]);
    expect(tenantsOf(refusal("TENANT_REQUIRED", { tenants: "none" }))).toEqual([]);
    expect(tenantsOf(new Error("network"))).toEqual([]);
  });
});
