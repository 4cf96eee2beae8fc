import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeHlc } from "../../shared/hlc";
import { uuidv7 } from "../../shared/ids";
import type { SessionTokens } from "../../shared/schemas/account";
import { wallDate } from "../../shared/zoned-time";
import { roomInput } from "../../main/core/test-fixtures";
import { createTestDatabase, type TestDatabase } from "./support/postgres";
import { replicaDesk, type ReplicaDesk } from "./support/replica-desk";
import { signUpInput, startTestSyncServer, type TestSyncServer } from "./support/sync-test-server";

/**
 * Gap-free numbering (ARCHITECTURE.md, Numbering) with two desks of one studio issuing invoices
 * offline, against the real sync server and Postgres: each desk shows provisional labels, the
 * server numbers them when the pushes arrive (both at once), and pull brings the final numbers back.
 */
type Desk = ReplicaDesk;

let db: TestDatabase;
let srv: TestSyncServer;
let owner: SessionTokens;
let a: Desk;
let b: Desk;
let clientId: string;
const signUp = signUpInput("numbering");
const year = wallDate("Europe/Paris", Date.now()).slice(0, 4);

const desk = (tokens: SessionTokens, label: string): Desk => replicaDesk(srv, tokens, signUp.studioName, `numbering-${label}`);

beforeAll(async () => {
  db = await createTestDatabase("documents_numbering");
  srv = await startTestSyncServer(db);
  owner = await srv.client().accounts.signUp.mutate(signUp);
  a = desk(owner, "a");
  b = desk(await srv.client().accounts.logIn.mutate({ email: signUp.owner.email, password: signUp.owner.password, device: { name: "Desk B" } }), "b");
  await a.engine.syncOnce();
  const paris = a.core.locations.list()[0]!;
  a.core.rooms.create(roomInput(paris.id, { name: "Studio A" }));
  clientId = a.core.clients.create({ kind: "company", name: "Label Nuit Blanche", email: "compta@nuitblanche.fr" }).id;
  await a.engine.syncOnce();
  await b.engine.syncOnce();
});
afterAll(async () => {
  for (const d of [a, b]) d?.close();
  await srv?.close();
});

function issueInvoice(d: Desk, cents: number): string {
  const draft = d.core.documents.invoices.create({ clientId, lines: [{ kind: "custom", label: `Séance ${cents}`, quantityMilli: 1000, unitPriceCents: cents }] });
  return d.core.documents.invoices.issue(draft.id).id;
}

const numbersOn = (d: Desk, kind: "invoice" | "credit_note") =>
  d.core.documents.invoices.list({ clientId }).filter((i) => i.kind === kind && i.status !== "draft").map((i) => [i.id, i.number] as const).sort((x, y) => x[0].localeCompare(y[0]));

describe("invoice numbers decided by the server", () => {
  it("two desks issuing offline: provisional labels, then 0001..0006 with no gap and no duplicate, on both desks", async () => {
    const fromA = [issueInvoice(a, 10000), issueInvoice(a, 20000), issueInvoice(a, 30000)];
    const fromB = [issueInvoice(b, 11000), issueInvoice(b, 21000), issueInvoice(b, 31000)];
    const labels = [...fromA.map((id) => a.core.documents.invoices.get(id)), ...fromB.map((id) => b.core.documents.invoices.get(id))];
    expect(labels.every((i) => i.status === "issued" && i.number === null && /^PROV-/.test(i.displayNumber ?? ""))).toBe(true);
    expect(new Set(labels.map((i) => i.displayNumber)).size).toBe(6);

    // Both desks come back online at once: the counter row serialises their pushes.
    await Promise.all([a.engine.syncOnce(), b.engine.syncOnce()]);
    await Promise.all([a.engine.syncOnce(), b.engine.syncOnce()]);

    const onA = numbersOn(a, "invoice");
    expect(onA).toHaveLength(6);
    expect(numbersOn(b, "invoice")).toEqual(onA);
    expect(onA.map(([, n]) => n).sort()).toEqual(["0001", "0002", "0003", "0004", "0005", "0006"].map((n) => `F-${year}-${n}`));
    // Each desk's own invoices are numbered in the order it issued them.
    const numberOf = (id: string) => onA.find(([i]) => i === id)![1]!;
    expect([...fromA].map(numberOf)).toEqual([...fromA.map(numberOf)].sort());
    expect([...fromB].map(numberOf)).toEqual([...fromB.map(numberOf)].sort());
    // The provisional label stays as a trace of where and how it was issued.
    expect(a.core.documents.invoices.get(fromB[0]!).provisionalNumber).toMatch(/^PROV-/);
    for (const d of [a, b]) expect(d.engine.status()).toMatchObject({ pending: 0, lastError: null });
  });

  it("credit notes have their own sequence (AV-), a refused push leaves no gap, a pushed number is refused", async () => {
    const invoice = a.core.documents.invoices.list({ clientId }).find((i) => i.number === `F-${year}-0001`)!;
    a.core.documents.invoices.creditNote({ invoiceId: invoice.id });

    // A mutation the server refuses (its client does not exist) takes a number inside its savepoint, and gives it back.
    const push = srv.client(owner.accessToken).sync.push;
    const hlc = () => encodeHlc({ wallMs: Date.now(), counter: 0, node: "probe" });
    const orphan = {
      kind: "invoice", purpose: "standard", status: "issued", clientId: uuidv7(), locationId: null, bookingIds: "[]", quoteId: null, creditedInvoiceId: null,
      issuedOn: `${year}-06-01`, dueOn: null, lines: "[]", currency: "EUR", netCents: 0, vatCents: 0, totalCents: 0, paidCents: 0,
    };
    const refused = await push.mutate({ mutations: [{ mutationId: uuidv7(), entity: "invoice", rowId: uuidv7(), op: "insert", changes: orphan, hlc: hlc(), baseVersion: null }] });
    expect(refused.results[0]).toMatchObject({ status: "rejected", code: "VALIDATION_FAILED" });

    const forged = await push.mutate({ mutations: [{ mutationId: uuidv7(), entity: "invoice", rowId: invoice.id, op: "update", changes: { number: `F-${year}-0999` }, hlc: hlc(), baseVersion: null }] });
    expect(forged.results[0]).toMatchObject({ status: "rejected", code: "VALIDATION_FAILED" });
    const changedLines = await push.mutate({ mutations: [{ mutationId: uuidv7(), entity: "invoice", rowId: invoice.id, op: "update", changes: { totalCents: 1 }, hlc: hlc(), baseVersion: null }] });
    expect(changedLines.results[0]).toMatchObject({ status: "rejected", code: "VALIDATION_FAILED" });

    issueInvoice(b, 5000);
    await a.engine.syncOnce();
    await b.engine.syncOnce();
    await a.engine.syncOnce();
    expect(numbersOn(a, "credit_note").map(([, n]) => n)).toEqual([`AV-${year}-0001`]);
    expect(numbersOn(a, "invoice").map(([, n]) => n).sort().at(-1)).toBe(`F-${year}-0007`);
    expect(numbersOn(b, "invoice")).toEqual(numbersOn(a, "invoice"));
    expect(a.core.documents.invoices.get(invoice.id).number).toBe(`F-${year}-0001`);
  });

  it("a contract signed offline keeps its hash on every desk once the server has numbered it; a pushed change to it is refused", async () => {
    const template = a.core.documents.settings.createTemplate({ kind: "studio_rental", language: "fr", name: "Location", body: "Entre {{studio.name}} et {{client.name}}." });
    const contract = a.core.documents.contracts.create({ templateId: template.id, clientId });
    const signed = await a.core.documents.contracts.sign({ id: contract.id, signerName: "Léa Martin", signerRole: "Artiste", signature: { kind: "typed", text: "Léa Martin" } });
    await a.engine.syncOnce();
    await b.engine.syncOnce();
    const onB = b.core.documents.contracts.get(contract.id);
    expect(onB).toMatchObject({ status: "signed", number: `C-${year}-0001`, signedHash: signed.signedHash });
    expect((await b.core.documents.contracts.verify(contract.id)).signed).toMatchObject({ ok: true });

    const push = srv.client(owner.accessToken).sync.push;
    const changed = await push.mutate({ mutations: [{ mutationId: uuidv7(), entity: "contract", rowId: contract.id, op: "update", changes: { body: "Autre texte." }, hlc: encodeHlc({ wallMs: Date.now(), counter: 0, node: "probe" }), baseVersion: null }] });
    expect(changed.results[0]).toMatchObject({ status: "rejected", code: "VALIDATION_FAILED" });
  });

  it("a quote edited offline on one desk while the other sent it: the edit is refused by the server, the sent quote stays as sent", async () => {
    const service = a.core.documents.settings.createServiceItem({ name: "Mixage par titre", unit: "unit", unitPriceCents: 25000, vatBp: 2000 });
    const quote = a.core.documents.quotes.create({ clientId, services: [{ serviceItemId: service.id, quantityMilli: 2000 }] });
    await a.engine.syncOnce();
    await b.engine.syncOnce();
    const sent = b.core.documents.quotes.send(quote.id);
    a.core.documents.quotes.update({ id: quote.id, patch: { services: [{ serviceItemId: service.id, quantityMilli: 5000 }] } });
    await b.engine.syncOnce();
    expect(await a.engine.syncOnce()).toMatchObject({ rejected: 1 });
    await a.engine.syncOnce();
    await b.engine.syncOnce();
    for (const d of [a, b]) expect(d.core.documents.quotes.get(quote.id)).toMatchObject({ status: "sent", number: `D-${year}-0001`, totalCents: sent.totalCents });
    // The refused edit waits in desk A's inbox, with its content, rather than being lost.
    expect(a.core.outbox.rejected().map((r) => r.entity)).toContain("quote");
  });
});
