import { skipToken, useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Drawer } from "../../components/Drawer";
import { SelectField } from "../../components/Fields";
import { useLocale, useT } from "../../i18n";
import { useTRPC } from "../../lib/trpc";
import { useAction } from "../../lib/use-action";
import { useDebounced } from "../../lib/use-debounced";
import { formatDateTime } from "../../lib/zoned-format";
import { useUiStore } from "../../store/ui-store";

interface Props {
  /** The booking the contract covers, when made from the booking drawer. */
  bookingId: string | null;
  onClose(): void;
  onCreated(id: string): void;
}

/** Client (or a booking's client) + template → the merged text previewed, unknown fields named, then created as a draft. */
export function NewContractDrawer({ bookingId, onClose, onCreated }: Props) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const language = useUiStore((s) => s.language);
  const action = useAction();
  const booking = useQuery(trpc.bookings.get.queryOptions({ id: bookingId ?? "" }, { enabled: bookingId !== null })).data;
  const clients = useQuery(trpc.clients.list.queryOptions({})).data ?? [];
  const templates = useQuery(trpc.documents.templates.list.queryOptions({})).data ?? [];
  const [clientId, setClientId] = useState("");
  const [templateId, setTemplateId] = useState("");
  useEffect(() => {
    if (booking?.clientId && !clientId) setClientId(booking.clientId);
  }, [booking?.clientId]);
  useEffect(() => {
    if (templateId || templates.length === 0) return;
    // A studio rental in the person's language first: what a booking at the desk usually needs.
    const pick = templates.find((tp) => tp.kind === "studio_rental" && tp.language === language) ?? templates.find((tp) => tp.language === language) ?? templates[0]!;
    setTemplateId(pick.id);
  }, [templates.length]);
  const bookingIds = booking ? [booking.id] : [];
  const source = clientId && templateId ? { templateId, clientId, bookingIds } : null;
  const settled = useDebounced(source, 150);
  const preview = useQuery(trpc.documents.contracts.preview.queryOptions(settled ?? skipToken, { retry: false }));
  const create = useMutation(trpc.documents.contracts.create.mutationOptions());

  const submit = async () => {
    if (!source) {
      action.setError(t("contracts.chooseClient"));
      return;
    }
    let id: string | null = null;
    if (await action.run(async () => { id = (await create.mutateAsync(source)).id; }, t("contracts.created")) && id) onCreated(id);
  };

  return (
    <Drawer title={t("contracts.new")} subtitle={booking ? `${booking.label || booking.title || ""} · ${formatDateTime(booking.startsAt, booking.timeZone, locale)}` : undefined}
      onClose={onClose} onSubmit={() => void submit()}
      footer={
        <>
          <span className="spacer" />
          <button type="button" className="btn" onClick={onClose}>{t("common.cancel")}</button>
          <button type="submit" className="btn primary" disabled={create.isPending || !source}>{t("contracts.create")}</button>
        </>
      }>
      {action.error && <div className="banner error" role="alert">{action.error}</div>}
      <div className="form-grid">
        <SelectField label={t("contracts.client")} name="clientId" errors={{}} value={clientId} onChange={setClientId}
          options={[{ value: "", label: t("contracts.chooseClient") }, ...clients.map((c) => ({ value: c.id, label: c.name }))]} />
        <SelectField label={t("contracts.template")} name="templateId" errors={{}} value={templateId} onChange={setTemplateId}
          options={templates.map((tp) => ({ value: tp.id, label: `${tp.name} (${tp.language.toUpperCase()})` }))} />
      </div>
      <div className="field">
        <span className="label">{t("contracts.bookings")}</span>
        <div className="muted">{booking ? `${booking.label || booking.title || booking.locationName} · ${formatDateTime(booking.startsAt, booking.timeZone, locale)}` : t("contracts.noBookings")}</div>
      </div>
      {preview.data && (
        <div className="fieldset" data-testid="contract-preview">
          <div className="fieldset-title">{t("contracts.preview")} — {preview.data.title}</div>
          {preview.data.unknownFields.length > 0 && (
            <div className="banner error" role="alert">{t("contracts.unknownFields", { fields: preview.data.unknownFields.map((f) => `{{${f}}}`).join(", ") })}</div>
          )}
          <div className="contract-text">{preview.data.body}</div>
        </div>
      )}
      {preview.isError && <div className="banner error" role="alert">{t("error.INTERNAL")}</div>}
    </Drawer>
  );
}
