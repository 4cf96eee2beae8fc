import { useId } from "react";
import type { FieldErrors } from "../../../../shared/errors";
import type { Role } from "../../../../shared/permissions/roles";
import { FieldError } from "../../components/Fields";
import { useT } from "../../i18n";
import type { LocationRow } from "../../lib/types";

export interface Scope {
  /** Every location (the server's null). */
  all: boolean;
  ids: string[];
}

interface Props {
  role: Role;
  value: Scope;
  onChange(next: Scope): void;
  locations: LocationRow[];
  errors: FieldErrors;
}

/** Where a role applies: every location, or only the ticked ones (an owner always has them all). */
export function LocationScopeField({ role, value, onChange, locations, errors }: Props) {
  const t = useT();
  const name = useId();
  if (role === "owner") return <div className="field"><span className="label-like">{t("team.scope")}</span><div className="hint">{t("team.scope.ownerAll")}</div></div>;
  const toggle = (id: string) => onChange({ all: false, ids: value.ids.includes(id) ? value.ids.filter((x) => x !== id) : [...value.ids, id] });
  return (
    <fieldset className="fieldset scope-field">
      <legend className="fieldset-title">{t("team.scope")}</legend>
      <label className="check"><input type="radio" name={name} checked={value.all} onChange={() => onChange({ ...value, all: true })} />{t("team.scope.all")}</label>
      <label className="check"><input type="radio" name={name} checked={!value.all} onChange={() => onChange({ ...value, all: false })} />{t("team.scope.some")}</label>
      {!value.all && (
        <div className="scope-list">
          {locations.map((l) => (
            <label key={l.id} className="check"><input type="checkbox" checked={value.ids.includes(l.id)} onChange={() => toggle(l.id)} />{l.name}</label>
          ))}
        </div>
      )}
      <FieldError errors={errors} name="locationIds" />
    </fieldset>
  );
}

/** The scope as the server takes it: null for every location (an owner's is always null). */
export function scopeInput(role: Role, scope: Scope): string[] | null {
  return role === "owner" || scope.all ? null : scope.ids;
}

/** The locations of a scope in words: "Tous les sites", or their names. */
export function scopeText(ids: string[] | null, locations: LocationRow[], all: string): string {
  if (ids === null) return all;
  return ids.map((id) => locations.find((l) => l.id === id)?.name ?? id).join(", ");
}
