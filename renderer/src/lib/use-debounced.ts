import { useEffect, useState } from "react";

/**
 * The value once it has stopped changing for `ms` (live checks while dragging or typing). Compared
 * by content, so a new object with the same fields does not restart the wait.
 */
export function useDebounced<T>(value: T, ms: number): T {
  const key = JSON.stringify(value);
  const [settled, setSettled] = useState({ key, value });
  useEffect(() => {
    if (key === settled.key) return;
    const timer = setTimeout(() => setSettled({ key, value }), ms);
    return () => clearTimeout(timer);
    // `value` is read when the key changes; its content is the key.
  }, [key, ms]);
  return settled.value;
}
