import { useMutation, useQueryClient, type UseMutationOptions } from "@tanstack/react-query";
import { useState } from "react";
import type { z } from "zod";
import type { FieldErrors } from "../../../shared/errors";
import { useLocale, useT } from "../i18n";
import { useUiStore } from "../store/ui-store";
import { InputReader, mergeFieldErrors, readerThenSchemaErrors, schemaFieldErrors } from "./form-values";
import { appCodeOf, fieldErrorsOf } from "./trpc";

interface Options<V, S extends z.ZodType> {
  initial: V;
  /** What the person typed → the core's input; unreadable fields are reported through the reader. */
  toInput(values: V, reader: InputReader): unknown;
  schema: S;
  /** Called only with input the schema accepted. */
  save(input: z.output<S>): Promise<unknown>;
  onSaved(): void;
  /** The toast after a save (default "Enregistré"). */
  savedText?: string;
  /** A refusal in words, when its error code alone says too little (default: "error.<CODE>"). */
  errorText?(error: unknown): string;
}


/**
 * One form's state: values as typed, errors shown inline (checked live once the person has tried
 * to save), the core's refusals mapped back to fields, and a banner that says nothing was saved.
 */
export function useEntityForm<V extends object, S extends z.ZodType>({ initial, toInput, schema, save, onSaved, savedText, errorText }: Options<V, S>) {
  const t = useT();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const toast = useUiStore((s) => s.toast);
  const [values, setValues] = useState<V>(initial);
  const [attempted, setAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [banner, setBanner] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const check = (v: V): { input: unknown; errors: FieldErrors } => {
    const reader = new InputReader(locale);
    const input = toInput(v, reader);
    return { input, errors: readerThenSchemaErrors(reader.errors, schemaFieldErrors(schema, input)) };
  };

  const liveErrors = attempted ? check(values).errors : {};
  const errors = mergeFieldErrors(liveErrors, serverErrors);

  const set = <K extends keyof V>(field: K, value: V[K]) => {
    setValues((prev) => ({ ...prev, [field]: value }));
    setServerErrors((prev) => {
      const next = { ...prev };
      for (const k of Object.keys(next)) if (k === field || k.startsWith(`${String(field)}.`)) delete next[k];
      return next;
    });
  };

  const submit = async () => {
    setAttempted(true);
    const { input, errors: found } = check(values);
    if (Object.keys(found).length > 0) {
      setBanner(t("common.fixErrors"));
      return;
    }
    setSaving(true);
    setBanner(null);
    try {
      await save(schema.parse(input));
      await queryClient.invalidateQueries();
      toast(savedText ?? t("common.saved"));
      onSaved();
    } catch (error) {
      setServerErrors(fieldErrorsOf(error));
      setBanner(errorText ? errorText(error) : t(`error.${appCodeOf(error)}`));
    } finally {
      setSaving(false);
    }
  };

  /** What an EditorDrawer needs from the form: spread it as `{...form.drawer}`. */
  const drawer = { banner, saving, onSubmit: submit };
  return { values, setValues, set, errors, banner, saving, submit, drawer };
}

/** Archive / restore with a toast and the lists refreshed; a refusal (IN_USE…) is shown, not thrown. */
export function useArchiveAction() {
  const t = useT();
  const queryClient = useQueryClient();
  const toast = useUiStore((s) => s.toast);
  return async (action: () => Promise<unknown>, name: string, restoring: boolean): Promise<boolean> => {
    try {
      await action();
      await queryClient.invalidateQueries();
      toast(t(restoring ? "common.restoredToast" : "common.archivedToast", { name }));
      return true;
    } catch (error) {
      toast(t(`error.${appCodeOf(error)}`), "error");
      return false;
    }
  };
}

/** A tRPC mutation taking `{ id }` (archive, restore), whatever it returns. */
interface IdProcedure<TData, TError> {
  mutationOptions(): UseMutationOptions<TData, TError, { id: string }, unknown>;
}

/**
 * The Archive / Restore buttons of an editor: the action, its toast or refusal, then the editor
 * closes. Nothing for a record being created.
 */
export function useArchiveButtons<TData, TError>(
  record: { id: string; name: string; archivedAt: string | null } | null,
  procedures: { archive: IdProcedure<TData, TError>; restore: IdProcedure<TData, TError> },
  onClose: () => void,
): { archived?: boolean; onArchive?(): void; onRestore?(): void } {
  const archive = useMutation(procedures.archive.mutationOptions());
  const restore = useMutation(procedures.restore.mutationOptions());
  const run = useArchiveAction();
  if (!record) return {};
  const act = (restoring: boolean) => async () => {
    const mutation = restoring ? restore : archive;
    if (await run(() => mutation.mutateAsync({ id: record.id }), record.name, restoring)) onClose();
  };
  return { archived: Boolean(record.archivedAt), onArchive: act(false), onRestore: act(true) };
}
