import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Dialog } from "../../components/Dialog";
import { TextField } from "../../components/Fields";
import { useT } from "../../i18n";
import { useTRPC } from "../../lib/trpc";
import { useAction } from "../../lib/use-action";
import { SignaturePad } from "./SignaturePad";

interface Props {
  contractId: string;
  /** "sign": the client at the desk; "countersign": the studio. */
  mode: "sign" | "countersign";
  defaultName?: string;
  onClose(): void;
}

/** Name, role and a drawn or typed signature; sends it to the core, which freezes the document and stores its hash. */
export function SignDialog({ contractId, mode, defaultName, onClose }: Props) {
  const t = useT();
  const trpc = useTRPC();
  const action = useAction();
  const sign = useMutation(trpc.documents.contracts.sign.mutationOptions());
  const countersign = useMutation(trpc.documents.contracts.countersign.mutationOptions());
  const [name, setName] = useState(defaultName ?? "");
  const [role, setRole] = useState("");
  const [kind, setKind] = useState<"drawn" | "typed">("drawn");
  const [drawn, setDrawn] = useState<string | null>(null);
  const [typed, setTyped] = useState("");
  const [errors, setErrors] = useState<Record<string, string[]>>({});

  const submit = async () => {
    const next: Record<string, string[]> = {};
    if (!name.trim()) next.signerName = ["v.required"];
    if (!role.trim()) next.signerRole = ["v.required"];
    setErrors(next);
    const signature = kind === "drawn" ? (drawn ? { kind: "drawn" as const, dataUrl: drawn } : null) : typed.trim() ? { kind: "typed" as const, text: typed.trim() } : null;
    if (!signature) action.setError(t("contracts.signatureMissing"));
    if (Object.keys(next).length > 0 || !signature) return;
    const input = { id: contractId, signerName: name.trim(), signerRole: role.trim(), signature };
    const ok = mode === "sign"
      ? await action.run(() => sign.mutateAsync(input), t("contracts.signed"))
      : await action.run(() => countersign.mutateAsync(input), t("contracts.countersigned"));
    if (ok) onClose();
  };

  const title = mode === "sign" ? t("contracts.signTitle") : t("contracts.countersignTitle");
  return (
    <Dialog title={title} onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>{t("common.cancel")}</button>
          <button type="button" className="btn primary" disabled={sign.isPending || countersign.isPending} onClick={() => void submit()}>
            {mode === "sign" ? t("contracts.sign") : t("contracts.countersign")}
          </button>
        </>
      }>
      <div className="form-grid">
        <TextField label={t("contracts.signerName")} name="signerName" errors={errors} value={name} onChange={setName} />
        <TextField label={t("contracts.signerRole")} name="signerRole" errors={errors} value={role} onChange={setRole} placeholder={t("contracts.signerRolePlaceholder")} />
      </div>
      <div className="segmented" role="group" aria-label={t("contracts.signatureMode")} style={{ justifySelf: "start" }}>
        <button type="button" aria-pressed={kind === "drawn"} onClick={() => setKind("drawn")}>{t("contracts.drawn")}</button>
        <button type="button" aria-pressed={kind === "typed"} onClick={() => setKind("typed")}>{t("contracts.typed")}</button>
      </div>
      {kind === "drawn" ? (
        <SignaturePad label={t("contracts.signatureMode")} onChange={(d) => { setDrawn(d); if (d) action.setError(null); }} />
      ) : (
        <div className="field">
          <TextField label={t("contracts.typedSignature")} name="typed" errors={{}} value={typed} onChange={setTyped} />
          {typed.trim() && <div className="signature-typed" aria-hidden="true">{typed}</div>}
        </div>
      )}
      {action.error && <div className="banner error" role="alert">{action.error}</div>}
    </Dialog>
  );
}
