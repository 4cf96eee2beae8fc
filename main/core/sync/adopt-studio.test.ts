import { afterEach, describe, expect, it } from "vitest";
import { appErrorOf, memoryCore, setUpCore } from "../test-fixtures";
import type { StudioCore } from "../studio-core";

const TENANT = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
let core: StudioCore;
afterEach(() => core?.close());

describe("adoptServerStudio", () => {
  it("makes an empty database the server studio's replica, with nothing to push", () => {
    core = memoryCore();
    core.adoptServerStudio({ tenantId: TENANT, name: "Studio Lumière" });
    expect(core.studio.get()).toMatchObject({ id: TENANT, tenantId: TENANT, name: "Studio Lumière", currency: "EUR" });
    expect(core.outbox.status().pending).toBe(0);
    // Rows written from now on carry the server's tenant id.
    expect(core.clients.create({ kind: "person", name: "Ada" }).tenantId).toBe(TENANT);
  });

  it("refuses a computer that already holds a studio", () => {
    ({ core } = setUpCore());
    expect(appErrorOf(() => core.adoptServerStudio({ tenantId: TENANT, name: "Other" })).code).toBe("ALREADY_INITIALIZED");
  });
});
