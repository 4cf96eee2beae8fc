import { describe, expect, it } from "vitest";
import { serverUrlSchema } from "./account-link";

describe("serverUrlSchema", () => {
  it.each([
    ["https://sync.studio.fr", "https://sync.studio.fr"],
    ["https://sync.studio.fr/", "https://sync.studio.fr"],
    ["  http://127.0.0.1:3100//  ", "http://127.0.0.1:3100"],
    ["https://studio.fr/sync/", "https://studio.fr/sync"],
    ["HTTPS://Sync.Studio.FR", "https://sync.studio.fr"],
  ])("%j → %j", (text, url) => {
    expect(serverUrlSchema.parse(text)).toBe(url);
  });

  it.each([
    ["", "v.required"],
    ["sync.studio.fr", "v.url"],
    ["ftp://sync.studio.fr", "v.url"],
    ["javascript:alert(1)", "v.url"],
    ["https://", "v.url"],
  ])("refuses %j with %s", (text, key) => {
    const r = serverUrlSchema.safeParse(text);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe(key);
  });
});
