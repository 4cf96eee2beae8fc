import { useMutation, useQuery } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { MERGE_FIELD_NAMES } from "../../../../shared/documents/contract-merge-values";
import { CONTRACT_KINDS, DOCUMENT_LANGUAGES, type ContractKind, type DocumentLanguage } from "../../../../shared/documents/contract-templates";
import { fieldsOf } from "../../../../shared/documents/merge-fields";
import type { FieldErrors } from "../../../../shared/errors";
import { DataTable, type Column, type SortState } from "../../components/DataTable";
import { Drawer } from "../../components/Drawer";
import { EmptyState } from "../../components/EmptyState";
import { SelectField, TextField } from "../../components/Fields";
import { useLocale, useT } from "../../i18n";
import { useTRPC } from "../../lib/trpc";
import { useAction } from "../../lib/use-action";
import { useCan } from "../../lib/use-can";
import { useEditor } from "../../lib/use-editor";

interface Template { id: string; kind: ContractKind; language: DocumentLanguage; name: string; body: string }

/** The Contracts page's "Modèles" tab: contract templates (kind, language, name), edited with their merge fields. */
export function TemplatesTab() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const canEdit = useCan("studio.settings");
  const editor = useEditor("templates", canEdit);
  const [sort, setSort] = useState<SortState>({ sort: "name", direction: "asc" });
  const templates = useQuery(trpc.documents.templates.list.queryOptions({}));
  const rows = [...(templates.data ?? [])].sort((a, b) => (sort.direction === "asc" ? 1 : -1) * a.name.localeCompare(b.name, locale));
  const columns: Column<Template>[] = [
    { key: "name", header: t("templates.name"), sortKey: "name", render: (tp) => <div className="cell-main">{tp.name}</div> },
    { key: "kind", header: t("templates.kind"), render: (tp) => t(`templates.kind.${tp.kind}`) },
    { key: "language", header: t("templates.language"), render: (tp) => t(`templates.language.${tp.language}`) },
  ];
  const editing = editor.editing === "new" ? null : rows.find((r) => r.id === editor.editing) ?? null;
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t("templates.title")}</h1>
          <div className="muted" data-testid="list-count" data-count={rows.length}>{t("templates.count", { n: rows.length })}</div>
        </div>
        {canEdit && (
          <div className="actions">
            <button type="button" className="btn primary" onClick={() => editor.open("new")}>{t("templates.new")}</button>
          </div>
        )}
      </div>
      <div className="card">
        {templates.isSuccess && rows.length === 0 ? (
          <EmptyState icon="contract" title={t("templates.empty.title")} body={t("templates.empty.body")} />
        ) : (
          <DataTable label={t("templates.title")} columns={columns} rows={rows} sort={sort} onSort={setSort} onOpen={(r) => canEdit && editor.open(r.id)} />
        )}
      </div>
      {canEdit && (editor.editing === "new" || editing) && <TemplateDrawer key={editor.editing} template={editing} onClose={editor.close} />}
    </>
  );
}

function TemplateDrawer({ template, onClose }: { template: Template | null; onClose(): void }) {
  const t = useT();
  const trpc = useTRPC();
  const action = useAction();
  const create = useMutation(trpc.documents.templates.create.mutationOptions());
  const update = useMutation(trpc.documents.templates.update.mutationOptions());
  const archive = useMutation(trpc.documents.templates.archive.mutationOptions());
  const [kind, setKind] = useState<ContractKind>(template?.kind ?? "studio_rental");
  const [language, setLanguage] = useState<DocumentLanguage>(template?.language ?? "fr");
  const [name, setName] = useState(template?.name ?? "");
  const [body, setBody] = useState(template?.body ?? "");
  const [errors, setErrors] = useState<FieldErrors>({});
  const area = useRef<HTMLTextAreaElement>(null);
  const unknown = fieldsOf(body).filter((f) => !MERGE_FIELD_NAMES.includes(f));

  /** Inserts {{field}} at the caret (or replaces the selection), then puts the caret after it. */
  const insert = (field: string) => {
    const el = area.current;
    const token = `{{${field}}}`;
    const start = el?.selectionStart ?? body.length;
    const end = el?.selectionEnd ?? body.length;
    setBody(body.slice(0, start) + token + body.slice(end));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + token.length, start + token.length);
    });
  };

  const submit = async () => {
    const next: FieldErrors = {};
    if (!name.trim()) next.name = ["v.required"];
    if (!body.trim()) next.body = ["v.required"];
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    const fields = { kind, language, name: name.trim(), body };
    if (await action.run(() => (template ? update.mutateAsync({ id: template.id, patch: fields }) : create.mutateAsync(fields)), t("templates.saved"))) onClose();
  };

  return (
    <Drawer title={template ? t("templates.edit") : t("templates.new")} subtitle={template?.name} onClose={onClose} onSubmit={() => void submit()}
      footer={
        <>
          {template && (
            <button type="button" className="btn danger" disabled={archive.isPending}
              onClick={() => void action.run(() => archive.mutateAsync({ id: template.id }), t("templates.archived")).then((ok) => ok && onClose())}>{t("templates.archive")}</button>
          )}
          <span className="spacer" />
          <button type="button" className="btn" onClick={onClose}>{t("common.cancel")}</button>
          <button type="submit" className="btn primary" disabled={create.isPending || update.isPending}>{t("templates.save")}</button>
        </>
      }>
      {action.error && <div className="banner error" role="alert">{action.error}</div>}
      <TextField label={t("templates.name")} name="name" errors={errors} value={name} onChange={setName} />
      <div className="form-grid">
        <SelectField label={t("templates.kind")} name="kind" errors={errors} value={kind} onChange={(v) => setKind(v)}
          options={CONTRACT_KINDS.map((k) => ({ value: k, label: t(`templates.kind.${k}`) }))} />
        <SelectField label={t("templates.language")} name="language" errors={errors} value={language} onChange={(v) => setLanguage(v)}
          options={DOCUMENT_LANGUAGES.map((l) => ({ value: l, label: t(`templates.language.${l}`) }))} />
      </div>
      <div className="field">
        <span className="label">{t("templates.fields")}</span>
        <div className="merge-chips" data-testid="merge-fields">
          {MERGE_FIELD_NAMES.map((f) => (
            <button key={f} type="button" className="btn small chip" onClick={() => insert(f)}>{`{{${f}}}`}</button>
          ))}
        </div>
      </div>
      <div className="field">
        <label className="label" htmlFor="template-body">{t("templates.body")}</label>
        <textarea id="template-body" ref={area} name="body" className="input template-body" value={body}
          aria-invalid={Boolean(errors.body?.length)} onChange={(e) => setBody(e.target.value)} />
        {errors.body?.length ? <div className="error" role="alert">{t("v.required")}</div> : null}
      </div>
      {unknown.length > 0 && (
        <div className="banner error" role="alert" data-testid="unknown-fields">
          {t("templates.unknown", { fields: unknown.map((f) => `{{${f}}}`).join(", ") })}
          <div className="subtle">{t("error.MERGE_FIELDS_UNKNOWN")}</div>
        </div>
      )}
    </Drawer>
  );
}
