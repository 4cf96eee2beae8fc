import { create } from "zustand";
import type { Language, Theme } from "../../../shared/schemas/studio";
import { parseHash, routeToHash, type Route } from "../lib/route";

export interface Toast {
  id: number;
  text: string;
  tone: "success" | "error";
}

interface UiState {
  language: Language;
  theme: Theme;
  route: Route;
  paletteOpen: boolean;
  toasts: Toast[];
  /** The sync server address last typed in an account form, offered again next time. */
  serverUrl: string;
  setServerUrl(url: string): void;
  setLanguage(language: Language): void;
  setTheme(theme: Theme): void;
  navigate(route: Route): void;
  syncFromHash(): void;
  setPaletteOpen(open: boolean): void;
  toast(text: string, tone?: Toast["tone"]): void;
  dismissToast(id: number): void;
}

let toastSeq = 0;
const SERVER_URL_KEY = "rsm.serverUrl";

function storedServerUrl(): string {
  try {
    return typeof localStorage === "undefined" ? "" : (localStorage.getItem(SERVER_URL_KEY) ?? "");
  } catch {
    return ""; // storage refused (privacy settings): the field just starts empty
  }
}

/** UI state only; studio data lives in the core and is read through tRPC queries. */
export const useUiStore = create<UiState>((set, get) => ({
  language: "fr",
  theme: "system",
  route: parseHash(typeof window === "undefined" ? "" : window.location.hash),
  paletteOpen: false,
  toasts: [],
  serverUrl: storedServerUrl(),
  setServerUrl: (serverUrl) => {
    set({ serverUrl });
    try {
      localStorage.setItem(SERVER_URL_KEY, serverUrl);
    } catch {
      // kept for this session only
    }
  },
  setLanguage: (language) => set({ language }),
  setTheme: (theme) => set({ theme }),
  navigate: (route) => {
    const hash = routeToHash(route);
    if (window.location.hash !== hash) window.location.hash = hash;
    set({ route, paletteOpen: false });
  },
  syncFromHash: () => set({ route: parseHash(window.location.hash) }),
  setPaletteOpen: (paletteOpen) => set({ paletteOpen }),
  toast: (text, tone = "success") => {
    const id = ++toastSeq;
    set({ toasts: [...get().toasts, { id, text, tone }] });
    setTimeout(() => get().dismissToast(id), tone === "error" ? 7000 : 3500);
  },
  dismissToast: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),
}));
