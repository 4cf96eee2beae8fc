import { DOCUMENT_LANGUAGES, type DocumentLanguage } from "../../../shared/documents/contract-templates";
import { CLIENT_KINDS, createClientInput } from "../../../shared/schemas/client";
import { EditorDrawer } from "../components/EditorDrawer";
import { ClientDocuments } from "../pages/documents/ClientDocuments";
import { SelectField, TextArea, TextField } from "../components/Fields";
import { useT } from "../i18n";
import { useTRPC } from "../lib/trpc";
import { useCan } from "../lib/use-can";
import { useArchiveButtons, useEntityForm } from "../lib/use-entity-form";
import { useMutation, useQuery } from "@tanstack/react-query";
import type { ClientRow } from "../lib/types";
import { basisPointsToInput } from "../../../shared/money";
import { useLocale } from "../i18n";

type Kind = (typeof CLIENT_KINDS)[number];

export function ClientForm({ client, onClose }: { client: ClientRow | null; onClose(): void }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const create = useMutation(trpc.clients.create.mutationOptions());
  const update = useMutation(trpc.clients.update.mutationOptions());
  const studio = useQuery(trpc.studio.get.queryOptions()).data;
  const archiveButtons = useArchiveButtons(client, trpc.clients, onClose);

  const form = useEntityForm({
    initial: {
      kind: (client?.kind ?? "person") as Kind,
      name: client?.name ?? "",
      contactName: client?.contactName ?? "",
      email: client?.email ?? "",
      phone: client?.phone ?? "",
      address: client?.address ?? "",
      vatNumber: client?.vatNumber ?? "",
      notes: client?.notes ?? "",
      defaultDeposit: client?.defaultDepositBp == null ? "" : basisPointsToInput(client.defaultDepositBp, locale),
      documentLanguage: (client?.documentLanguage ?? "fr") as DocumentLanguage,
    },
    toInput: (v, r) => ({
      kind: v.kind,
      name: v.name,
      contactName: v.kind === "company" ? v.contactName : "",
      email: v.email,
      phone: v.phone,
      address: v.address,
      vatNumber: v.vatNumber,
      notes: v.notes,
      defaultDepositBp: r.percent("defaultDepositBp", v.defaultDeposit, { optional: true }),
      documentLanguage: v.documentLanguage,
    }),
    schema: createClientInput,
    save: (input) => (client ? update.mutateAsync({ id: client.id, patch: input }) : create.mutateAsync(input)),
    onSaved: onClose,
  });
  const { values: v, set, errors } = form;
  // An engineer or a viewer reads the client's details; only client.manage changes them.
  const canManage = useCan("client.manage");

  return (
    <EditorDrawer
      title={client ? t("clients.edit") : t("clients.new")}
      subtitle={client?.name}
      {...form.drawer}
      onClose={onClose}
      {...archiveButtons}
      readOnly={!canManage}
    >
      <div className="form-grid">
        <SelectField label={t("clients.kind")} name="kind" errors={errors} value={v.kind} onChange={(x) => set("kind", x)}
          options={CLIENT_KINDS.map((k) => ({ value: k, label: t(`clients.kind.${k}`) }))} />
        <TextField label={t("common.name")} name="name" errors={errors} value={v.name} onChange={(x) => set("name", x)} />
        {v.kind === "company" && (
          <>
            <TextField label={t("clients.contactName")} name="contactName" errors={errors} value={v.contactName} onChange={(x) => set("contactName", x)} />
            <TextField label={t("clients.vatNumber")} name="vatNumber" errors={errors} value={v.vatNumber} onChange={(x) => set("vatNumber", x)} />
          </>
        )}
        <TextField label={t("common.email")} name="email" type="email" errors={errors} value={v.email} onChange={(x) => set("email", x)} />
        <TextField label={t("common.phone")} name="phone" type="tel" errors={errors} value={v.phone} onChange={(x) => set("phone", x)} />
        <TextField className="full" label={t("common.address")} name="address" errors={errors} value={v.address} onChange={(x) => set("address", x)} />
        <TextField label={t("clients.deposit")} name="defaultDepositBp" suffix="%" errors={errors} value={v.defaultDeposit} onChange={(x) => set("defaultDeposit", x)}
          hint={t("clients.depositHint", { pct: studio ? `${basisPointsToInput(studio.defaultDepositBp, locale)} %` : "30 %" })} />
        <SelectField label={t("clients.documentLanguage")} name="documentLanguage" errors={errors} value={v.documentLanguage}
          onChange={(x) => set("documentLanguage", x as DocumentLanguage)} hint={t("clients.documentLanguageHint")}
          options={DOCUMENT_LANGUAGES.map((l) => ({ value: l, label: t(`clients.documentLanguage.${l}`) }))} />
        <TextArea className="full" label={t("common.notes")} name="notes" errors={errors} value={v.notes} onChange={(x) => set("notes", x)} />
      </div>
      {client && <ClientDocuments clientId={client.id} />}
    </EditorDrawer>
  );
}
