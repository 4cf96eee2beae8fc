import { useId, type ReactNode } from "react";
import type { FieldErrors } from "../../../shared/errors";
import { isMessageKey, useT } from "../i18n";

/** Inline errors under a field, translated from the core's message keys. */
export function FieldError({ errors, name }: { errors: FieldErrors; name: string }) {
  const t = useT();
  const messages = errors[name];
  if (!messages?.length) return null;
  return (
    <div className="error" role="alert" data-field-error={name}>
      {messages.map((m) => (isMessageKey(m) ? t(m) : t("v.invalid"))).join(" ")}
    </div>
  );
}

interface BaseProps {
  label: string;
  name: string;
  errors: FieldErrors;
  hint?: string;
  className?: string;
}

function Field({ label, name, errors, hint, className, children, id }: BaseProps & { children: ReactNode; id: string }) {
  return (
    <div className={`field ${className ?? ""}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && <div className="hint">{hint}</div>}
      <FieldError errors={errors} name={name} />
    </div>
  );
}

export function TextField(
  props: BaseProps & { value: string; onChange(v: string): void; type?: string; suffix?: string; placeholder?: string; list?: string; autoComplete?: string },
) {
  const id = useId();
  const invalid = Boolean(props.errors[props.name]?.length);
  const input = (
    <input
      id={id}
      name={props.name}
      className="input"
      type={props.type ?? "text"}
      value={props.value}
      placeholder={props.placeholder}
      list={props.list}
      autoComplete={props.autoComplete ?? "off"}
      aria-invalid={invalid}
      onChange={(e) => props.onChange(e.target.value)}
    />
  );
  return (
    <Field {...props} id={id}>
      {props.suffix ? <div className="field-suffix">{input}<span>{props.suffix}</span></div> : input}
    </Field>
  );
}

export function TextArea(props: BaseProps & { value: string; onChange(v: string): void }) {
  const id = useId();
  return (
    <Field {...props} id={id}>
      <textarea id={id} name={props.name} className="input" value={props.value} aria-invalid={Boolean(props.errors[props.name]?.length)} onChange={(e) => props.onChange(e.target.value)} />
    </Field>
  );
}

export function SelectField<V extends string>(
  props: BaseProps & { value: V; onChange(v: V): void; options: { value: V; label: string }[] },
) {
  const id = useId();
  return (
    <Field {...props} id={id}>
      <select id={id} name={props.name} className="input" value={props.value} aria-invalid={Boolean(props.errors[props.name]?.length)} onChange={(e) => props.onChange(e.target.value as V)}>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
    </Field>
  );
}

export function CheckField({ label, checked, onChange, name }: { label: string; checked: boolean; onChange(v: boolean): void; name: string }) {
  return (
    <label className="check">
      <input type="checkbox" name={name} checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}

const COLOURS = ["#c2410c", "#b45309", "#0f766e", "#1d4ed8", "#6d28d9", "#be185d", "#0ea5e9", "#22c55e", "#64748b", "#eab308"];

export function ColourField(props: BaseProps & { value: string; onChange(v: string): void }) {
  return (
    <div className={`field ${props.className ?? ""}`}>
      <span className="label">{props.label}</span>
      <div className="colour-row" role="group" aria-label={props.label}>
        {COLOURS.map((c) => (
          <button key={c} type="button" className="colour-chip" style={{ background: c }} aria-pressed={props.value.toLowerCase() === c} aria-label={c} onClick={() => props.onChange(c)} />
        ))}
      </div>
      <FieldError errors={props.errors} name={props.name} />
    </div>
  );
}
