import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Dialog } from "../../components/Dialog";
import { Drawer } from "../../components/Drawer";
import { useLocale, useT } from "../../i18n";
import { useTRPC } from "../../lib/trpc";
import { useAction } from "../../lib/use-action";
import { useCan } from "../../lib/use-can";
import { usePdfDownload } from "./use-pdf-download";
import { SignDialog } from "./SignDialog";
import { statusTone, type ContractView } from "./doc-helpers";

interface Props {
  id: string;
  clientName(id: string): string;
  onClose(): void;
}

/** One contract: its text, who signed and when, the SHA-256 check; sign, countersign, void, PDF, mail. */
export function ContractDrawer({ id, clientName, onClose }: Props) {
  const trpc = useTRPC();
  const contract = useQuery(trpc.documents.contracts.get.queryOptions({ id })).data;
  if (!contract) return null;
  return <ContractDetail contract={contract} clientName={clientName(contract.clientId)} onClose={onClose} />;
}

function ContractDetail({ contract: c, clientName, onClose }: { contract: ContractView; clientName: string; onClose(): void }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const action = useAction();
  const [dialog, setDialog] = useState<"sign" | "countersign" | "void" | null>(null);
  const [verifyOn, setVerifyOn] = useState(false);
  const canSign = useCan("contract.sign", c.locationId);
  const canCreate = useCan("contract.create", c.locationId);
  const pdf = useQuery({ ...trpc.documents.contracts.pdf.queryOptions({ id: c.id }), enabled: false });
  const verify = useQuery({ ...trpc.documents.contracts.verify.queryOptions({ id: c.id }), enabled: verifyOn, staleTime: 0 });
  const voidIt = useMutation(trpc.documents.contracts.void.mutationOptions());
  const send = useMutation(trpc.documents.emails.send.mutationOptions());
  const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString(locale, { dateStyle: "medium", timeStyle: "short" }) : "—");
  const signable = c.status === "draft" || c.status === "sent";
  const signed = c.status === "signed" || c.status === "countersigned";

  const downloadPdf = usePdfDownload(() => pdf.refetch(), action.setError);
  const checks = verify.data ? [verify.data.signed, verify.data.countersigned].filter((x): x is NonNullable<typeof x> => x !== null) : [];

  return (
    <>
      <Drawer title={c.title} subtitle={`${c.displayNumber ?? t("invoices.draftNumber")} · ${clientName}`} onClose={onClose}
        onSubmit={() => (signable && canSign ? setDialog("sign") : onClose())}
        footer={
          <>
            <span className={`badge ${statusTone(c.status)}`} data-testid="contract-status">{t(`contracts.status.${c.status}`)}</span>
            <span className="spacer" />
            <button type="button" className="btn" onClick={onClose}>{t("common.close")}</button>
            {signable && canSign && <button type="submit" className="btn primary">{t("contracts.sign")}</button>}
            {c.status === "signed" && canSign && <button type="button" className="btn primary" onClick={() => setDialog("countersign")}>{t("contracts.countersign")}</button>}
          </>
        }>
        {action.error && <div className="banner error" role="alert">{action.error}</div>}
        <div className="doc-actions">
          <button type="button" className="btn small" onClick={() => void downloadPdf()} disabled={pdf.isFetching}>{t("invoices.pdf")}</button>
          {c.status !== "void" && (
            <button type="button" className="btn small" disabled={send.isPending}
              onClick={() => void action.run(() => send.mutateAsync({ documentKind: "contract", documentId: c.id }), t("invoices.emailQueued"))}>{t("invoices.email")}</button>
          )}
          {signed && <button type="button" className="btn small" onClick={() => { setVerifyOn(true); void verify.refetch(); }}>{t("contracts.verify")}</button>}
          {c.status !== "void" && canCreate && <button type="button" className="btn small danger" onClick={() => setDialog("void")}>{t("contracts.void")}</button>}
        </div>
        {(c.signedAt || c.countersignedAt) && (
          <div className="fieldset" data-testid="contract-signatures">
            {c.signedAt && <div>{t("contracts.signedBy", { name: c.signerName ?? "", role: c.signerRole ?? "", when: when(c.signedAt) })} <span className="badge">{t(`contracts.${c.signatureKind === "typed" ? "typed" : "drawn"}`)}</span></div>}
            {c.signedHash && <div className="hash">{t("contracts.hash")} {c.signedHash}</div>}
            {c.countersignedAt && <div>{t("contracts.countersignedBy", { name: c.countersignerName ?? "", role: c.countersignerRole ?? "", when: when(c.countersignedAt) })}</div>}
            {c.countersignedHash && <div className="hash">{t("contracts.hash")} {c.countersignedHash}</div>}
            {verifyOn && checks.map((k, i) => (
              <div key={i} className={`banner ${k.ok ? "ok" : "error"}`} role="status" data-testid="verify-result" data-ok={k.ok}>
                {k.ok ? t("contracts.verifyOk") : t("contracts.verifyBad")}
                <div className="hash">{k.computed}</div>
              </div>
            ))}
          </div>
        )}
        <div className="field">
          <span className="label">{t("contracts.body")}</span>
          <div className="contract-text">{c.body}</div>
        </div>
      </Drawer>
      {(dialog === "sign" || dialog === "countersign") && <SignDialog contractId={c.id} mode={dialog} defaultName={dialog === "sign" ? clientName : undefined} onClose={() => setDialog(null)} />}
      {dialog === "void" && (
        <Dialog title={t("contracts.void")} tone="danger" onClose={() => setDialog(null)}
          footer={
            <>
              <button type="button" className="btn" onClick={() => setDialog(null)}>{t("common.cancel")}</button>
              <button type="button" className="btn danger" disabled={voidIt.isPending}
                onClick={async () => { if (await action.run(() => voidIt.mutateAsync({ id: c.id }), t("contracts.voided"))) setDialog(null); }}>{t("contracts.void")}</button>
            </>
          }>
          <p className="muted">{t("contracts.voidBody")}</p>
        </Dialog>
      )}
    </>
  );
}
