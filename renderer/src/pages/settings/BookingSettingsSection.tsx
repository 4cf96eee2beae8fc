import { useMutation, useQuery } from "@tanstack/react-query";
import { bookingSettingsSchema, type BookingSettings } from "../../../../shared/booking/booking-settings";
import { FieldError, SelectField, TextField } from "../../components/Fields";
import { useLocale, useT } from "../../i18n";
import { InputReader } from "../../lib/form-values";
import { useTRPC } from "../../lib/trpc";
import { useEntityForm } from "../../lib/use-entity-form";

type Charge = BookingSettings["cancellationPolicy"]["tiers"][number]["charge"];
interface TierValues {
  minHours: string;
  charge: Charge;
  percent: string;
}

/** The studio's booking rules: how long a hold lasts, the unpaid-balance warning, the cancellation policy. */
export function BookingSettingsSection({ currency }: { currency: string }) {
  const trpc = useTRPC();
  const settings = useQuery(trpc.bookings.settings.queryOptions()).data;
  if (!settings) return null;
  return <BookingSettingsForm key={JSON.stringify(settings)} settings={settings} currency={currency} />;
}

function BookingSettingsForm({ settings, currency }: { settings: BookingSettings; currency: string }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const update = useMutation(trpc.bookings.updateSettings.mutationOptions());
  const show = new InputReader(locale);
  const form = useEntityForm({
    initial: {
      holdExpiry: String(settings.holdExpiryHours),
      unpaidLimit: show.showCents(settings.unpaidBalanceLimitCents),
      noShow: show.showPercent(settings.cancellationPolicy.noShowPercentBp),
      tiers: settings.cancellationPolicy.tiers.map((tier): TierValues => ({
        minHours: String(tier.minHoursBefore),
        charge: tier.charge,
        percent: show.showPercent(tier.percentBp),
      })),
    },
    toInput: (v, r) => ({
      holdExpiryHours: r.integer("holdExpiryHours", v.holdExpiry),
      unpaidBalanceLimitCents: r.cents("unpaidBalanceLimitCents", v.unpaidLimit, { optional: true }),
      cancellationPolicy: {
        noShowPercentBp: r.percent("cancellationPolicy.noShowPercentBp", v.noShow),
        tiers: v.tiers.map((tier, i) => ({
          minHoursBefore: r.integer(`cancellationPolicy.tiers.${i}.minHoursBefore`, tier.minHours),
          charge: tier.charge,
          percentBp: r.percent(`cancellationPolicy.tiers.${i}.percentBp`, tier.percent),
        })),
      },
    }),
    schema: bookingSettingsSchema,
    save: (input) => update.mutateAsync(input),
    onSaved: () => undefined,
  });
  const { values: v, set, errors } = form;
  const setTier = (i: number, patch: Partial<TierValues>) => set("tiers", v.tiers.map((tier, j) => (j === i ? { ...tier, ...patch } : tier)));
  const money = currency === "EUR" ? "€" : currency;

  return (
    <form className="card card-pad" style={{ display: "grid", gap: 14 }} noValidate aria-label={t("settings.bookings")}
      onSubmit={(e) => { e.preventDefault(); void form.submit(); }}>
      <h2>{t("settings.bookings")}</h2>
      {form.banner && <div className="banner error" role="alert">{form.banner}</div>}
      <div className="form-grid">
        <TextField label={t("settings.holdExpiry")} name="holdExpiryHours" suffix="h" errors={errors} value={v.holdExpiry} onChange={(x) => set("holdExpiry", x)} />
        <TextField label={t("settings.unpaidLimit")} name="unpaidBalanceLimitCents" suffix={money} hint={t("settings.unpaidLimitHint")}
          errors={errors} value={v.unpaidLimit} onChange={(x) => set("unpaidLimit", x)} />
      </div>
      <div className="fieldset">
        <div className="fieldset-title">{t("settings.cancellationPolicy")}</div>
        <p className="subtle" style={{ margin: 0 }}>{t("settings.cancellationHint")}</p>
        {v.tiers.map((tier, i) => (
          <div key={i} className="policy-row" data-tier={i}>
            <TextField label={t("settings.tierNotice")} name={`cancellationPolicy.tiers.${i}.minHoursBefore`} suffix="h" errors={errors}
              value={tier.minHours} onChange={(x) => setTier(i, { minHours: x })} />
            <TextField label={t("settings.tierPercent")} name={`cancellationPolicy.tiers.${i}.percentBp`} suffix="%" errors={errors}
              value={tier.percent} onChange={(x) => setTier(i, { percent: x })} />
            <SelectField<Charge> label={t("settings.tierOf")} name={`cancellationPolicy.tiers.${i}.charge`} errors={errors} value={tier.charge}
              onChange={(x) => setTier(i, { charge: x })}
              options={[{ value: "deposit", label: t("settings.tierDeposit") }, { value: "session", label: t("settings.tierSession") }]} />
            <button type="button" className="btn ghost small" disabled={v.tiers.length === 1}
              aria-label={t("settings.removeTier", { n: i + 1 })} onClick={() => set("tiers", v.tiers.filter((_, j) => j !== i))}>
              {t("locations.removeSpan")}
            </button>
          </div>
        ))}
        <FieldError errors={errors} name="cancellationPolicy.tiers" />
        <div>
          <button type="button" className="btn small" disabled={v.tiers.length >= 10}
            onClick={() => set("tiers", [...v.tiers, { minHours: "", charge: "deposit", percent: "" }])}>+ {t("settings.addTier")}</button>
        </div>
        <div className="form-grid">
          <TextField label={t("settings.noShow")} name="cancellationPolicy.noShowPercentBp" suffix="%" errors={errors} value={v.noShow} onChange={(x) => set("noShow", x)} />
        </div>
      </div>
      <div><button type="submit" className="btn primary" disabled={form.saving}>{form.saving ? t("common.saving") : t("common.save")}</button></div>
    </form>
  );
}
