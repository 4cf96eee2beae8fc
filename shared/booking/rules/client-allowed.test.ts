import { describe, expect, it } from "vitest";
import type { ClientInfo } from "../booking-types";
import { candidate, context } from "../rule-test-fixtures";
import { checkClient } from "./client-allowed";

const client = (over: Partial<ClientInfo> = {}): ClientInfo => ({ id: "client-1", name: "Héloïse Mercier", active: true, unpaidCents: 0, ...over });

describe("rule 8: client allowed", () => {
  it.each<[string, string | null, ClientInfo | null, number | null, string[]]>([
    ["no client", null, null, 50_000, []],
    ["nothing owed", "client-1", client(), 50_000, []],
    ["owing exactly the limit", "client-1", client({ unpaidCents: 50_000 }), 50_000, []],
    ["owing a cent above the limit", "client-1", client({ unpaidCents: 50_001 }), 50_000, ["CLIENT_OVER_LIMIT"]],
    ["owing a lot, no limit set", "client-1", client({ unpaidCents: 9_999_999 }), null, []],
    ["owing anything, limit zero", "client-1", client({ unpaidCents: 1 }), 0, ["CLIENT_OVER_LIMIT"]],
    ["an archived client", "client-1", client({ active: false }), null, ["CLIENT_UNAVAILABLE"]],
    ["an unknown client", "client-2", null, null, ["CLIENT_UNAVAILABLE"]],
  ])("%s", (_label, clientId, info, limit, codes) => {
    expect(checkClient(candidate({ clientId }), context({ client: info, unpaidLimitCents: limit })).map((f) => f.code)).toEqual(codes);
  });

  it("gives the balance and the limit in cents for the UI to format", () => {
    const [f] = checkClient(candidate({ clientId: "client-1" }), context({ client: client({ unpaidCents: 62_000 }), unpaidLimitCents: 50_000 }));
    expect(f!.params).toEqual({ client: "Héloïse Mercier", balanceCents: 62_000, limitCents: 50_000 });
  });
});
