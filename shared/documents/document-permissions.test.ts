import { describe, expect, it } from "vitest";
import { mutationPermissions } from "../permissions/mutation-permissions";

describe("document permissions", () => {
  it.each([
    ["service_item", "insert", { name: "Mastering" }, ["studio.settings"]],
    ["contract_template", "update", { body: "…" }, ["studio.settings"]],
    ["document_profile", "update", { vatNumber: "FR1" }, ["studio.settings"]],
    ["contract", "insert", { title: "Contrat", status: "draft" }, ["contract.create"]],
    ["contract", "update", { status: "signed", signerName: "Léa", signedHash: "ab" }, ["contract.sign"]],
    ["contract", "update", { status: "countersigned", countersignerName: "Max" }, ["contract.sign"]],
    ["contract", "update", { status: "void", voidedAt: "2026-03-01T00:00:00.000Z" }, ["contract.create"]],
    ["contract", "update", { body: "changed", signerName: "Léa" }, ["contract.sign", "contract.create"]],
    ["quote", "update", { status: "accepted" }, ["quote.create"]],
    ["invoice", "insert", { kind: "invoice", status: "draft" }, ["invoice.issue"]],
    ["invoice", "update", { status: "issued", issuedOn: "2026-03-01" }, ["invoice.issue"]],
    ["invoice", "update", { status: "void", voidedAt: "2026-03-01T00:00:00.000Z" }, ["invoice.void"]],
    ["invoice", "insert", { kind: "credit_note", status: "issued" }, ["invoice.void"]],
    ["invoice", "update", { paidCents: 100, status: "partly_paid" }, ["payment.record"]],
    ["invoice", "update", { paidCents: 100, status: "issued" }, ["invoice.issue"]],
    ["invoice", "insert", { paidCents: 0, status: "paid" }, ["invoice.issue"]],
    ["payment", "insert", { amountCents: 100 }, ["payment.record"]],
    ["document_email", "insert", { documentKind: "invoice" }, ["invoice.issue"]],
    ["document_email", "insert", { documentKind: "contract" }, ["contract.create"]],
    ["document_email", "update", { status: "queued" }, ["quote.create"]],
  ] as const)("%s %s %j needs %j", (entity, op, changes, needs) => {
    expect(mutationPermissions(entity, op, changes).sort()).toEqual([...needs].sort());
  });
});
