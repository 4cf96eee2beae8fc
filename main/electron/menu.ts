import type { MenuItemConstructorOptions } from "electron";

const LABELS = {
  en: {
    file: "File", edit: "Edit", view: "View", window: "Window", help: "Help",
    undo: "Undo", redo: "Redo", cut: "Cut", copy: "Copy", paste: "Paste", selectAll: "Select All",
    reload: "Reload", forceReload: "Force Reload", devTools: "Toggle Developer Tools",
    resetZoom: "Actual Size", zoomIn: "Zoom In", zoomOut: "Zoom Out", fullScreen: "Toggle Full Screen",
    minimize: "Minimize", close: "Close Window", quit: "Quit",
    about: "About {app}", services: "Services", hide: "Hide {app}", hideOthers: "Hide Others", unhide: "Show All",
    dataFolder: "Open Data Folder",
  },
  fr: {
    file: "Fichier", edit: "Édition", view: "Affichage", window: "Fenêtre", help: "Aide",
    undo: "Annuler", redo: "Rétablir", cut: "Couper", copy: "Copier", paste: "Coller", selectAll: "Tout sélectionner",
    reload: "Actualiser", forceReload: "Forcer l’actualisation", devTools: "Outils de développement",
    resetZoom: "Taille réelle", zoomIn: "Zoom avant", zoomOut: "Zoom arrière", fullScreen: "Plein écran",
    minimize: "Réduire", close: "Fermer la fenêtre", quit: "Quitter",
    about: "À propos de {app}", services: "Services", hide: "Masquer {app}", hideOthers: "Masquer les autres", unhide: "Tout afficher",
    dataFolder: "Ouvrir le dossier des données",
  },
} as const;

export function menuLanguage(locale: string): keyof typeof LABELS {
  return locale.toLowerCase().startsWith("fr") ? "fr" : "en";
}

export interface MenuOptions {
  /** app.getLocale(): French labels for fr*, English otherwise. */
  locale: string;
  platform: NodeJS.Platform;
  appName: string;
  /** Developer tools in the View menu (development builds only). */
  devTools: boolean;
  openDataFolder: () => void;
}

/** File / Edit / View / Window / Help with the standard roles (and the app menu on macOS). */
export function buildMenuTemplate(o: MenuOptions): MenuItemConstructorOptions[] {
  const t = LABELS[menuLanguage(o.locale)];
  const named = (label: string) => label.replace("{app}", o.appName);
  const mac = o.platform === "darwin";
  const sep: MenuItemConstructorOptions = { type: "separator" };

  const appMenu: MenuItemConstructorOptions = {
    label: o.appName,
    submenu: [
      { role: "about", label: named(t.about) },
      sep,
      { role: "services", label: t.services },
      sep,
      { role: "hide", label: named(t.hide) },
      { role: "hideOthers", label: t.hideOthers },
      { role: "unhide", label: t.unhide },
      sep,
      { role: "quit", label: `${t.quit} ${o.appName}` },
    ],
  };
  const file: MenuItemConstructorOptions = {
    label: t.file,
    submenu: mac ? [{ role: "close", label: t.close }] : [{ role: "close", label: t.close }, sep, { role: "quit", label: t.quit }],
  };
  const edit: MenuItemConstructorOptions = {
    label: t.edit,
    submenu: [
      { role: "undo", label: t.undo },
      { role: "redo", label: t.redo },
      sep,
      { role: "cut", label: t.cut },
      { role: "copy", label: t.copy },
      { role: "paste", label: t.paste },
      { role: "selectAll", label: t.selectAll },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: t.view,
    submenu: [
      { role: "reload", label: t.reload },
      { role: "forceReload", label: t.forceReload },
      ...(o.devTools ? [{ role: "toggleDevTools", label: t.devTools } as const] : []),
      sep,
      { role: "resetZoom", label: t.resetZoom },
      { role: "zoomIn", label: t.zoomIn },
      { role: "zoomOut", label: t.zoomOut },
      sep,
      { role: "togglefullscreen", label: t.fullScreen },
    ],
  };
  // On macOS the windowMenu role also lists open windows; its items are the system's own.
  const windowMenu: MenuItemConstructorOptions = mac
    ? { role: "windowMenu", label: t.window }
    : { label: t.window, submenu: [{ role: "minimize", label: t.minimize }, { role: "close", label: t.close }] };
  const help: MenuItemConstructorOptions = {
    label: t.help,
    role: "help",
    submenu: [
      { label: t.dataFolder, click: o.openDataFolder },
      ...(mac ? [] : [sep, { role: "about", label: named(t.about) } as const]),
    ],
  };
  return [...(mac ? [appMenu] : []), file, edit, view, windowMenu, help];
}
