import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { rolePermissions, type Permission } from "../../../../shared/permissions/permissions";
import { MAX_DELEGATION_DAYS, type MemberSummary } from "../../../../shared/schemas/team";
import { Dialog } from "../../components/Dialog";
import { SelectField } from "../../components/Fields";
import { useT } from "../../i18n";
import { groupedPermissions } from "../../lib/permission-groups";
import { useTRPC } from "../../lib/trpc";
import { useAction } from "../../lib/use-action";
import { useAccess } from "../../lib/use-can";
import { defaultEnd, endAllowed, localInstant } from "./delegation-values";
import { LocationScopeField, scopeInput, type Scope } from "./LocationScopeField";

/** Lend some of my permissions to another member until a date and time, optionally at some locations only. */
export function DelegationDialog({ people, onClose }: { people: MemberSummary[]; onClose(): void }) {
  const t = useT();
  const trpc = useTRPC();
  const access = useAccess();
  const locations = useQuery(trpc.locations.list.queryOptions({})).data ?? [];
  const create = useMutation(trpc.team.delegations.create.mutationOptions());
  // Only what my own roles hold can be lent (the server checks the locations too).
  const mine = [...new Set((access.data?.subject.grants ?? []).flatMap((g) => rolePermissions(g.role)))];
  const [to, setTo] = useState(people[0]?.userId ?? "");
  const [picked, setPicked] = useState<Permission[]>([]);
  const [end, setEnd] = useState(() => defaultEnd(Date.now()));
  const [scope, setScope] = useState<Scope>({ all: true, ids: [] });
  const { run, error: problem, setError: setProblem } = useAction();

  const toggle = (p: Permission) => setPicked((cur) => (cur.includes(p) ? cur.filter((x) => x !== p) : [...cur, p]));
  const submit = async () => {
    const expiresAt = localInstant(end.date, end.time);
    if (!to) return setProblem(t("delegation.pickPerson"));
    if (picked.length === 0) return setProblem(t("delegation.pickPermission"));
    if (!endAllowed(expiresAt, Date.now())) return setProblem(t("delegation.badEnd", { n: MAX_DELEGATION_DAYS }));
    const done = await run(
      () => create.mutateAsync({ toUserId: to, permissions: picked, locationIds: scopeInput("engineer", scope), expiresAt }),
      t("delegation.created", { name: people.find((p) => p.userId === to)?.name ?? "" }),
    );
    if (done) onClose();
  };

  return (
    <Dialog title={t("delegation.new")} onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>{t("common.cancel")}</button>
          <button type="button" className="btn primary" disabled={create.isPending} onClick={() => void submit()}>{t("delegation.create")}</button>
        </>
      }>
      <div className="dialog-form">
        {problem && <div className="banner error" role="alert">{problem}</div>}
        <SelectField label={t("delegation.to")} name="toUserId" errors={{}} value={to} onChange={setTo}
          options={people.map((p) => ({ value: p.userId, label: `${p.name} — ${p.email}` }))} />
        <fieldset className="fieldset">
          <legend className="fieldset-title">{t("delegation.permissions")}</legend>
          <div className="hint">{t("delegation.onlyMine")}</div>
          <div className="perm-picks">
            {groupedPermissions(mine).flatMap(({ permissions }) => permissions).map((p) => (
              <label key={p} className="check"><input type="checkbox" checked={picked.includes(p)} onChange={() => toggle(p)} />{t(`perm.${p}`)}</label>
            ))}
          </div>
        </fieldset>
        <div className="form-grid">
          <div className="field">
            <label htmlFor="delegation-end-date">{t("delegation.untilDate")}</label>
            <input id="delegation-end-date" className="input" type="date" value={end.date} onChange={(e) => setEnd({ ...end, date: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor="delegation-end-time">{t("delegation.untilTime")}</label>
            <input id="delegation-end-time" className="input" type="time" step={900} value={end.time} onChange={(e) => setEnd({ ...end, time: e.target.value })} />
          </div>
        </div>
        <div className="hint">{t("delegation.maxDays", { n: MAX_DELEGATION_DAYS })}</div>
        <LocationScopeField role="engineer" value={scope} onChange={setScope} locations={locations} errors={{}} />
      </div>
    </Dialog>
  );
}
