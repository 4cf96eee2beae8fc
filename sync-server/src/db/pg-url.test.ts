import { describe, expect, it } from "vitest";
import { socketAdminUrl } from "./embedded-postgres";
import { clientConfigFromUrl, describeTarget } from "./pg-url";

describe("clientConfigFromUrl", () => {
  it("reads a TCP URL with credentials, port and database", () => {
    expect(clientConfigFromUrl("postgresql://owner:s%40cret@db.example.com:6432/rsm")).toEqual({
      host: "db.example.com",
      port: 6432,
      user: "owner",
      password: "s@cret",
      database: "rsm",
    });
  });

  it("reads a socket URL without host, as the embedded cluster gives it", () => {
    const url = socketAdminUrl("/tmp/rsm data/postgres-socket", 54321, "rsm_sync");
    expect(clientConfigFromUrl(url)).toEqual({ host: "/tmp/rsm data/postgres-socket", port: 54321, user: "postgres", database: "rsm_sync" });
  });

  it("defaults the port and the database as libpq does, and maps sslmode", () => {
    expect(clientConfigFromUrl("postgres://me@localhost")).toEqual({ host: "localhost", port: 5432, user: "me", database: "me" });
    expect(clientConfigFromUrl("postgresql://me@db/x?sslmode=require").ssl).toEqual({ rejectUnauthorized: false });
    expect(clientConfigFromUrl("postgresql://me@db/x?sslmode=verify-full").ssl).toEqual({ rejectUnauthorized: true });
  });

  it("refuses anything but a postgresql:// URL", () => {
    expect(() => clientConfigFromUrl("mysql://db/x")).toThrow("must start with postgresql://");
  });

  it("describes a target without its password", () => {
    expect(describeTarget(clientConfigFromUrl("postgresql://owner:secret@db:5432/rsm"))).toBe("owner@db:5432/rsm");
    expect(describeTarget(clientConfigFromUrl(socketAdminUrl("/run/pg", 5433, "rsm")))).toBe("postgres@socket /run/pg/rsm");
  });
});
