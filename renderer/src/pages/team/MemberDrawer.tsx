import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { Role } from "../../../../shared/permissions/roles";
import type { MemberSummary } from "../../../../shared/schemas/team";
import { Dialog } from "../../components/Dialog";
import { Drawer } from "../../components/Drawer";
import { SelectField } from "../../components/Fields";
import { useT } from "../../i18n";
import { appCodeOf, useTRPC } from "../../lib/trpc";
import type { LocationRow } from "../../lib/types";
import { useUiStore } from "../../store/ui-store";
import { LocationScopeField, scopeInput, type Scope } from "./LocationScopeField";
import { MemberDevices } from "./MemberDevices";
import { roleOptions } from "./role-options";

interface Props {
  member: MemberSummary;
  locations: LocationRow[];
  onClose(): void;
}

const sameScope = (a: string[] | null, b: string[] | null) => JSON.stringify(a && [...a].sort()) === JSON.stringify(b && [...b].sort());

/** One member: change the role and the locations, revoke a device, remove from the studio (confirmed). */
export function MemberDrawer({ member, locations, onClose }: Props) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useUiStore((s) => s.toast);
  const setRole = useMutation(trpc.team.members.setRole.mutationOptions());
  const setLocations = useMutation(trpc.team.members.setLocations.mutationOptions());
  const remove = useMutation(trpc.team.members.remove.mutationOptions());
  const [role, setRoleValue] = useState<Role>(member.role);
  const [scope, setScope] = useState<Scope>({ all: member.locationIds === null, ids: member.locationIds ?? [] });
  const [banner, setBanner] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const saving = setRole.isPending || setLocations.isPending;

  const save = async () => {
    setBanner(null);
    const locationIds = scopeInput(role, scope);
    try {
      if (role !== member.role) {
        await setRole.mutateAsync({ userId: member.userId, role });
        toast(t("team.member.roleSaved", { name: member.name }));
      }
      if (role !== "owner" && !sameScope(locationIds, member.locationIds)) {
        await setLocations.mutateAsync({ userId: member.userId, locationIds });
        toast(t("team.member.scopeSaved", { name: member.name }));
      }
      await queryClient.invalidateQueries();
      onClose();
    } catch (e) {
      setBanner(t(`error.${appCodeOf(e)}`));
    }
  };

  const removeMember = async () => {
    try {
      await remove.mutateAsync({ userId: member.userId });
      await queryClient.invalidateQueries();
      toast(t("team.member.removed", { name: member.name }));
      onClose();
    } catch (e) {
      setConfirming(false);
      setBanner(t(`error.${appCodeOf(e)}`));
    }
  };

  return (
    <>
      <Drawer title={t("team.member.title")} subtitle={`${member.name} — ${member.email}`} onClose={onClose} onSubmit={() => void save()}
        footer={
          <>
            <button type="button" className="btn danger" onClick={() => setConfirming(true)}>{t("team.member.remove")}</button>
            <span className="spacer" />
            <button type="button" className="btn" onClick={onClose}>{t("common.close")}</button>
            <button type="submit" className="btn primary" disabled={saving}>{saving ? t("common.saving") : t("common.save")}</button>
          </>
        }>
        {banner && <div className="banner error" role="alert">{banner}</div>}
        <SelectField label={t("team.col.role")} name="role" errors={{}} value={role} onChange={(x: Role) => setRoleValue(x)} options={roleOptions(t)} />
        <LocationScopeField role={role} value={scope} onChange={setScope} locations={locations} errors={{}} />
        <MemberDevices userId={member.userId} />
      </Drawer>
      {confirming && (
        <Dialog title={t("team.member.removeTitle", { name: member.name })} tone="danger" onClose={() => setConfirming(false)}
          footer={
            <>
              <button type="button" className="btn" onClick={() => setConfirming(false)}>{t("common.cancel")}</button>
              <button type="button" className="btn danger" disabled={remove.isPending} onClick={() => void removeMember()}>{t("team.member.removeConfirm")}</button>
            </>
          }>
          <p>{t("team.member.removeBody")}</p>
        </Dialog>
      )}
    </>
  );
}
