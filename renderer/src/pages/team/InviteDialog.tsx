import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { Role } from "../../../../shared/permissions/roles";
import { inviteMemberInput } from "../../../../shared/schemas/team";
import { Dialog } from "../../components/Dialog";
import { SelectField, TextField } from "../../components/Fields";
import { useT } from "../../i18n";
import { useTRPC } from "../../lib/trpc";
import { useEntityForm } from "../../lib/use-entity-form";
import { LocationScopeField, scopeInput, type Scope } from "./LocationScopeField";
import { roleOptions } from "./role-options";

/** Invite by email with a role and where it applies; the server mails the code. */
export function InviteDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const trpc = useTRPC();
  const locations = useQuery(trpc.locations.list.queryOptions({})).data ?? [];
  const invite = useMutation(trpc.team.members.invite.mutationOptions());
  // Kept beside the form's values: the toast after sending names the address.
  const [email, setEmail] = useState("");
  const form = useEntityForm({
    initial: { email: "", role: "engineer" as Role, scope: { all: true, ids: [] } as Scope },
    toInput: (v) => ({ email: v.email, role: v.role, locationIds: scopeInput(v.role, v.scope) }),
    schema: inviteMemberInput,
    save: (input) => invite.mutateAsync(input),
    onSaved: onClose,
    savedText: t("team.invite.sent", { email: email.trim() }),
  });
  const { values: v, set, errors } = form;
  return (
    <Dialog title={t("team.invite.title")} onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>{t("common.cancel")}</button>
          <button type="submit" form="invite-form" className="btn primary" disabled={form.saving}>{form.saving ? t("common.saving") : t("team.invite.send")}</button>
        </>
      }>
      <form id="invite-form" className="dialog-form" noValidate onSubmit={(e) => { e.preventDefault(); void form.submit(); }}>
        <p className="muted" style={{ margin: 0 }}>{t("team.invite.body")}</p>
        {form.banner && <div className="banner error" role="alert">{form.banner}</div>}
        <TextField label={t("common.email")} name="email" type="email" errors={errors} value={v.email} onChange={(x) => { set("email", x); setEmail(x); }} />
        <SelectField label={t("team.col.role")} name="role" errors={errors} value={v.role} onChange={(x) => set("role", x)} options={roleOptions(t)} />
        <LocationScopeField role={v.role} value={v.scope} onChange={(x) => set("scope", x)} locations={locations} errors={errors} />
      </form>
    </Dialog>
  );
}
