import { isMessageKey, useT } from "../i18n";

/**
 * An error code the core stored (sync status, a refused change) in words: translated when the
 * dictionary knows "error.<CODE>", else the stored message, else nothing.
 */
export function useErrorCodeText(): (code: string | null | undefined, message: string | null | undefined) => string | null {
  const t = useT();
  return (code, message) => {
    const key = code ? `error.${code}` : null;
    if (key && isMessageKey(key)) return t(key);
    return message || code || null;
  };
}
