import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import type { FieldErrors } from "../../../shared/errors";
import { CURRENCIES } from "../../../shared/money";
import { createLocationInput } from "../../../shared/schemas/location";
import { roomBaseFields } from "../../../shared/schemas/room";
import { setupStudioInput } from "../../../shared/schemas/studio";
import { SelectField, TextField } from "../components/Fields";
import { useLocale, useT } from "../i18n";
import { InputReader, readerThenSchemaErrors, schemaFieldErrors } from "../lib/form-values";
import { appCodeOf, fieldErrorsOf, useTRPC } from "../lib/trpc";
import { LocationFieldset, locationToInput, locationValues, type LocationValues } from "./LocationForm";
import { RoomFieldset, roomToInput, roomValues, type RoomValues } from "./RoomForm";

const roomStepSchema = roomBaseFields.omit({ locationId: true });
const studioStepSchema = setupStudioInput.shape.studio;


/** Studio name, first location with hours, first room — saved together at the end, all or nothing. */
export function SetupWizard({ onCancel }: { onCancel(): void }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const setup = useMutation(trpc.studio.setup.mutationOptions());
  const [step, setStep] = useState(1);
  const [studio, setStudio] = useState({ name: "", currency: "EUR" });
  const [location, setLocation] = useState<LocationValues>(locationValues(null));
  const [room, setRoom] = useState<RoomValues>({ ...roomValues(null, new InputReader(locale)), hourlyRate: "60", halfDayRate: "200", dayRate: "380", name: "Studio A" });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [banner, setBanner] = useState<string | null>(null);

  const roomInput = () => {
    const reader = new InputReader(locale);
    const { locationId: _omit, ...input } = roomToInput(room, reader);
    return { input, readerErrors: reader.errors };
  };

  const stepErrors = (n: number): FieldErrors => {
    if (n === 1) return schemaFieldErrors(studioStepSchema, studio);
    if (n === 2) return schemaFieldErrors(createLocationInput, locationToInput(location));
    const { input, readerErrors } = roomInput();
    return readerThenSchemaErrors(readerErrors, schemaFieldErrors(roomStepSchema, input));
  };

  const next = async () => {
    const found = stepErrors(step);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setBanner(t("common.fixErrors"));
      return;
    }
    setBanner(null);
    if (step < 3) {
      setStep(step + 1);
      return;
    }
    try {
      await setup.mutateAsync({ studio: { name: studio.name, currency: studio.currency as "EUR" }, location: locationToInput(location), room: roomInput().input as never });
      await queryClient.invalidateQueries();
    } catch (error) {
      // Send the person back to the step whose fields the core refused.
      const all = fieldErrorsOf(error);
      const prefix = Object.keys(all)[0]?.split(".")[0];
      const target = prefix === "studio" ? 1 : prefix === "location" ? 2 : 3;
      setErrors(Object.fromEntries(Object.entries(all).map(([k, v]) => [k.split(".").slice(1).join("."), v])));
      setStep(target);
      setBanner(t(`error.${appCodeOf(error)}`));
    }
  };

  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>("input, select")?.focus();
  }, [step]);

  const titles = [t("setup.step1"), t("setup.step2"), t("setup.step3")];
  return (
    <form ref={formRef} className="card card-pad wizard" style={{ display: "grid", gap: 18 }} noValidate onSubmit={(e) => { e.preventDefault(); void next(); }}>
      <div style={{ display: "grid", gap: 8 }}>
        <div className="subtle">{t("setup.step", { n: step })}</div>
        <h1>{titles[step - 1]}</h1>
        <div className="steps">{[1, 2, 3].map((n) => <div key={n} className={`step ${n <= step ? "done" : ""}`} />)}</div>
      </div>
      {banner && <div className="banner error" role="alert">{banner}</div>}
      {step === 1 && (
        <div className="form-grid">
          <TextField label={t("setup.studioName")} name="name" errors={errors} value={studio.name} onChange={(x) => setStudio({ ...studio, name: x })} />
          <SelectField label={t("setup.currency")} name="currency" errors={errors} value={studio.currency} onChange={(x) => setStudio({ ...studio, currency: x })}
            options={CURRENCIES.map((c) => ({ value: c, label: c }))} />
        </div>
      )}
      {step === 2 && <LocationFieldset v={location} set={(k, value) => setLocation({ ...location, [k]: value })} errors={errors} />}
      {step === 3 && <RoomFieldset v={room} set={(k, value) => setRoom({ ...room, [k]: value })} errors={errors} locations={null} currency={studio.currency} />}
      <div style={{ display: "flex", gap: 8 }}>
        <button type="button" className="btn" onClick={() => (step === 1 ? onCancel() : setStep(step - 1))}>{t("common.back")}</button>
        <span style={{ flex: 1 }} />
        <button type="submit" className="btn primary" disabled={setup.isPending}>{step < 3 ? t("common.next") : t("setup.finish")}</button>
      </div>
    </form>
  );
}
