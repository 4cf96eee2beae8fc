import { describe, expect, it } from "vitest";
import { APP_ERROR_CODES } from "../../../shared/errors";
import { en } from "./en";
import { fr } from "./fr";

const STATES = ["disconnected", "online", "offline", "syncing", "error", "login_required"];

/** Keys built at run time from what the core sends: the type check cannot see them. */
const KEYS = [...APP_ERROR_CODES.map((c) => `error.${c}`), ...STATES.map((s) => `sync.state.${s}`)];

describe("sync and account message keys", () => {
  it.each(KEYS)("%s is translated in French and English", (key) => {
    expect((fr as Record<string, string>)[key], "fr").toBeTruthy();
    expect((en as Record<string, string>)[key], "en").toBeTruthy();
  });

  it("every English text uses the same placeholders as the French one", () => {
    const vars = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of Object.entries(fr)) expect(vars(en[key as keyof typeof fr]), key).toEqual(vars(text));
  });
});
