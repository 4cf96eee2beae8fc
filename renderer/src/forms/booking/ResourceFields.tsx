import type { FieldErrors } from "../../../../shared/errors";
import { FieldError } from "../../components/Fields";
import { Icon } from "../../components/Icon";
import { useT } from "../../i18n";
import type { EquipmentRow, RoomRow, StaffRow } from "../../lib/types";
import type { BookingFormValues } from "./booking-form-values";

interface Props {
  values: BookingFormValues;
  set<K extends keyof BookingFormValues>(field: K, value: BookingFormValues[K]): void;
  rooms: RoomRow[];
  staff: StaffRow[];
  gear: EquipmentRow[];
  errors: FieldErrors;
  disabled: boolean;
}

const toggle = (list: string[], id: string, on: boolean) => (on ? [...list, id] : list.filter((x) => x !== id));

/** Rooms (at least one), engineers and other staff, and gear with quantities, all of the booking's location. */
export function ResourceFields({ values: v, set, rooms, staff, gear, errors, disabled }: Props) {
  const t = useT();
  const unusedGear = gear.filter((g) => !v.equipment.some((l) => l.equipmentId === g.id));
  return (
    <>
      <fieldset className="fieldset" disabled={disabled}>
        <legend className="fieldset-title">{t("booking.rooms")}</legend>
        <div className="chip-grid" role="group" aria-label={t("booking.rooms")}>
          {rooms.map((r) => (
            <label key={r.id} className="chip-check">
              <input type="checkbox" checked={v.roomIds.includes(r.id)} onChange={(e) => set("roomIds", toggle(v.roomIds, r.id, e.target.checked))} />
              <span className="swatch" style={{ background: r.colour }} />
              {r.name}
            </label>
          ))}
        </div>
        <FieldError errors={errors} name="roomIds" />
      </fieldset>

      <fieldset className="fieldset" disabled={disabled}>
        <legend className="fieldset-title">{t("booking.staff")}</legend>
        <div className="chip-grid" role="group" aria-label={t("booking.staff")}>
          {staff.map((s) => (
            <label key={s.id} className="chip-check">
              <input type="checkbox" checked={v.staffIds.includes(s.id)} onChange={(e) => set("staffIds", toggle(v.staffIds, s.id, e.target.checked))} />
              <span className="swatch round" style={{ background: s.colour }} />
              <span>{s.name}</span>
              <span className="subtle">{t(`staff.role.${s.role as "engineer"}`)}</span>
            </label>
          ))}
        </div>
        <FieldError errors={errors} name="staffIds" />
      </fieldset>

      <fieldset className="fieldset" disabled={disabled}>
        <legend className="fieldset-title">{t("booking.gear")}</legend>
        {v.equipment.length === 0 && <div className="subtle">{t("booking.gear.none")}</div>}
        {v.equipment.map((line, i) => {
          const item = gear.find((g) => g.id === line.equipmentId);
          return (
            <div key={line.equipmentId} className="gear-line">
              <span className="gear-name">{item?.name ?? t("booking.untitled")}</span>
              <span className="subtle">{t("booking.gear.of", { n: item?.quantity ?? 0 })}</span>
              <input className="input qty" inputMode="numeric" aria-label={t("booking.gear.quantityOf", { name: item?.name ?? "" })} value={line.quantity}
                aria-invalid={Boolean(errors[`equipment.${i}.quantity`]?.length)}
                onChange={(e) => set("equipment", v.equipment.map((l, j) => (j === i ? { ...l, quantity: e.target.value } : l)))} />
              <button type="button" className="icon-btn" aria-label={t("booking.gear.remove", { name: item?.name ?? "" })}
                onClick={() => set("equipment", v.equipment.filter((_, j) => j !== i))}>
                <Icon name="x" size={14} />
              </button>
              <FieldError errors={errors} name={`equipment.${i}.quantity`} />
            </div>
          );
        })}
        {unusedGear.length > 0 && (
          <select className="input" aria-label={t("booking.gear.add")} value=""
            onChange={(e) => e.target.value && set("equipment", [...v.equipment, { equipmentId: e.target.value, quantity: "1" }])}>
            <option value="">{t("booking.gear.add")}</option>
            {unusedGear.map((g) => <option key={g.id} value={g.id}>{g.name}</option>)}
          </select>
        )}
        <FieldError errors={errors} name="equipment" />
      </fieldset>
    </>
  );
}
