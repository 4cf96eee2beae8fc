import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useDeferredValue, useId, useState } from "react";
import { Icon } from "../../components/Icon";
import { normalizeForSearch } from "../../../../shared/text";
import { useT } from "../../i18n";
import { appCodeOf, fieldErrorsOf, useTRPC } from "../../lib/trpc";
import { FieldError } from "../../components/Fields";
import type { FieldErrors } from "../../../../shared/errors";

interface Props {
  clientId: string | null;
  onChange(id: string | null): void;
  errors: FieldErrors;
}

/** Find an existing client by name, or create one on the spot with just a name and an e-mail. */
export function ClientPicker({ clientId, onChange, errors }: Props) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const [creating, setCreating] = useState<{ name: string; email: string } | null>(null);
  const [createErrors, setCreateErrors] = useState<FieldErrors>({});
  const [banner, setBanner] = useState<string | null>(null);
  const search = useDeferredValue(text.trim());
  const selected = useQuery(trpc.clients.get.queryOptions({ id: clientId ?? "" }, { enabled: clientId !== null })).data;
  const matches = useQuery(trpc.clients.list.queryOptions({ search: search || undefined, sort: "name", direction: "asc" }, { enabled: open })).data ?? [];
  const create = useMutation(trpc.clients.create.mutationOptions());

  const choose = (next: string | null) => {
    onChange(next);
    setText("");
    setOpen(false);
  };

  const saveNew = async () => {
    if (!creating) return;
    try {
      const client = await create.mutateAsync({ kind: "person", name: creating.name, email: creating.email || null });
      await queryClient.invalidateQueries({ queryKey: trpc.clients.pathKey() });
      setCreating(null);
      setBanner(null);
      choose(client.id);
    } catch (error) {
      setCreateErrors(fieldErrorsOf(error));
      setBanner(t(`error.${appCodeOf(error)}`));
    }
  };

  if (creating) {
    return (
      <div className="fieldset inline-create" role="group" aria-label={t("booking.client.newTitle")}>
        <div className="fieldset-title">{t("booking.client.newTitle")}</div>
        {banner && <div className="banner error" role="alert">{banner}</div>}
        <div className="form-grid">
          <div className="field">
            <label htmlFor={`${id}-name`}>{t("common.name")}</label>
            <input id={`${id}-name`} className="input" value={creating.name} aria-invalid={Boolean(createErrors.name?.length)}
              onChange={(e) => setCreating({ ...creating, name: e.target.value })} />
            <FieldError errors={createErrors} name="name" />
          </div>
          <div className="field">
            <label htmlFor={`${id}-email`}>{t("common.email")} <span className="subtle">({t("common.optional")})</span></label>
            <input id={`${id}-email`} className="input" type="email" value={creating.email} aria-invalid={Boolean(createErrors.email?.length)}
              onChange={(e) => setCreating({ ...creating, email: e.target.value })} />
            <FieldError errors={createErrors} name="email" />
          </div>
        </div>
        <div className="row-actions">
          <button type="button" className="btn small" onClick={() => setCreating(null)}>{t("common.back")}</button>
          <button type="button" className="btn small primary" disabled={create.isPending} onClick={() => void saveNew()}>{t("booking.client.create")}</button>
        </div>
      </div>
    );
  }

  if (clientId && selected) {
    return (
      <div className="field">
        <span className="label">{t("booking.client")}</span>
        <div className="picked">
          <div>
            <div className="cell-main">{selected.name}</div>
            {selected.email && <div className="cell-sub">{selected.email}</div>}
          </div>
          <button type="button" className="btn small ghost" onClick={() => choose(null)}>{t("booking.client.change")}</button>
        </div>
        <FieldError errors={errors} name="clientId" />
      </div>
    );
  }

  return (
    <div className="field combo">
      <label htmlFor={`${id}-search`}>{t("booking.client")} <span className="subtle">({t("common.optional")})</span></label>
      <input
        id={`${id}-search`}
        className="input search-input"
        role="combobox"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        placeholder={t("booking.client.search")}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onClick={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === "Escape" && open) {
            e.stopPropagation();
            setOpen(false);
          } else if (e.key === "ArrowDown" && !open) setOpen(true);
        }}
      />
      {open && (
        <div className="combo-list" id={`${id}-list`} role="listbox" aria-label={t("booking.client")}>
          {matches.slice(0, 8).map((c) => (
            <button type="button" key={c.id} role="option" aria-selected="false" className="combo-item" onMouseDown={(e) => e.preventDefault()} onClick={() => choose(c.id)}>
              <span>{c.name}</span>
              {c.email && <span className="subtle">{c.email}</span>}
            </button>
          ))}
          {search && !matches.some((c) => normalizeForSearch(c.name) === normalizeForSearch(search)) && (
            <button type="button" role="option" aria-selected="false" className="combo-item create" onMouseDown={(e) => e.preventDefault()}
              onClick={() => {
                setCreateErrors({});
                setCreating({ name: search, email: "" });
              }}>
              <Icon name="plus" size={14} />
              <span>{t("booking.client.createNamed", { name: search })}</span>
            </button>
          )}
          {!search && matches.length === 0 && <div className="combo-empty subtle">{t("booking.client.none")}</div>}
        </div>
      )}
      <FieldError errors={errors} name="clientId" />
    </div>
  );
}
