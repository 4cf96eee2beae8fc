import { useMutation, useQuery } from "@tanstack/react-query";
import { CURRENCIES } from "../../../shared/money";
import { LANGUAGES, THEMES, updateStudioInput } from "../../../shared/schemas/studio";
import { SelectField, TextField } from "../components/Fields";
import { useLocale, useT } from "../i18n";
import { InputReader } from "../lib/form-values";
import { useTRPC } from "../lib/trpc";
import type { Studio } from "../lib/types";
import { useEntityForm } from "../lib/use-entity-form";
import { useCan } from "../lib/use-can";
import { usePrefs } from "../lib/use-prefs";
import { AccountSection } from "./settings/AccountSection";
import { BookingSettingsSection } from "./settings/BookingSettingsSection";
import { PlanSection } from "./settings/PlanSection";
import { SecuritySection } from "./settings/SecuritySection";

export function SettingsPage() {
  const t = useT();
  const trpc = useTRPC();
  const studio = useQuery(trpc.studio.get.queryOptions()).data;
  const prefs = usePrefs();
  // The studio's own settings are for owners and admins; this computer's language and theme are everyone's.
  const studioSettings = useCan("studio.settings");
  return (
    <>
      <div className="page-head"><h1>{t("settings.title")}</h1></div>
      <div className="settings-grid">
        {studio && studioSettings && <StudioSettings key={studio.id} studio={studio} />}
        <AccountSection />
        <SecuritySection />
        <PlanSection />
        {studio && studioSettings && <BookingSettingsSection currency={studio.currency} />}
        <section className="card card-pad" style={{ display: "grid", gap: 14 }}>
          <h2>{t("settings.device")}</h2>
          <div className="kv">
            <span>{t("settings.language")}</span>
            <div className="segmented" role="group" aria-label={t("settings.language")}>
              {LANGUAGES.map((l) => (
                <button key={l} type="button" aria-pressed={prefs.language === l} onClick={() => prefs.changeLanguage(l)}>
                  {l === "fr" ? "Français" : "English"}
                </button>
              ))}
            </div>
            <span>{t("settings.theme")}</span>
            <div className="segmented" role="group" aria-label={t("settings.theme")}>
              {THEMES.map((th) => (
                <button key={th} type="button" aria-pressed={prefs.theme === th} onClick={() => prefs.changeTheme(th)}>{t(`settings.theme.${th}`)}</button>
              ))}
            </div>
          </div>
        </section>
        <section className="card card-pad" style={{ display: "grid", gap: 12 }}>
          <h2>{t("settings.shortcuts")}</h2>
          <div className="kv">
            <span><kbd>Ctrl</kbd> / <kbd>⌘</kbd> + <kbd>K</kbd></span><span>{t("settings.shortcut.palette")}</span>
            <span><kbd>Alt</kbd> + <kbd>1</kbd>…<kbd>9</kbd></span><span>{t("settings.shortcut.nav")}</span>
            <span><kbd>N</kbd></span><span>{t("settings.shortcut.new")}</span>
            <span><kbd>Ctrl</kbd> + <kbd>Entrée</kbd> · <kbd>Échap</kbd></span><span>{t("common.save")} · {t("common.close")}</span>
          </div>
        </section>
      </div>
    </>
  );
}

function StudioSettings({ studio }: { studio: Studio }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const update = useMutation(trpc.studio.update.mutationOptions());
  const show = new InputReader(locale);
  const form = useEntityForm({
    initial: {
      name: studio.name,
      currency: studio.currency,
      deposit: show.showPercent(studio.defaultDepositBp),
      vat: show.showPercent(studio.defaultVatBp),
    },
    toInput: (v, r) => ({
      name: v.name,
      currency: v.currency,
      defaultDepositBp: r.percent("defaultDepositBp", v.deposit),
      defaultVatBp: r.percent("defaultVatBp", v.vat),
    }),
    schema: updateStudioInput,
    save: (input) => update.mutateAsync(input as Parameters<typeof update.mutateAsync>[0]),
    onSaved: () => undefined,
  });
  const { values: v, set, errors } = form;
  return (
    <form className="card card-pad" style={{ display: "grid", gap: 14 }} noValidate onSubmit={(e) => { e.preventDefault(); void form.submit(); }}>
      <h2>{t("settings.studio")}</h2>
      {form.banner && <div className="banner error" role="alert">{form.banner}</div>}
      <div className="form-grid">
        <TextField label={t("settings.studioName")} name="name" errors={errors} value={v.name} onChange={(x) => set("name", x)} />
        <SelectField label={t("settings.currency")} name="currency" errors={errors} value={v.currency} onChange={(x) => set("currency", x)}
          options={CURRENCIES.map((c) => ({ value: c, label: c }))} />
        <TextField label={t("settings.deposit")} name="defaultDepositBp" suffix="%" errors={errors} value={v.deposit} onChange={(x) => set("deposit", x)} />
        <TextField label={t("settings.vat")} name="defaultVatBp" suffix="%" errors={errors} value={v.vat} onChange={(x) => set("vat", x)} />
      </div>
      <div><button type="submit" className="btn primary" disabled={form.saving}>{form.saving ? t("common.saving") : t("common.save")}</button></div>
    </form>
  );
}
