import { useQuery } from "@tanstack/react-query";
import { useDeferredValue, useEffect, useState } from "react";
import { normalizeForSearch } from "../../../shared/text";
import { useT, type MessageKey } from "../i18n";
import { pageAllowed } from "../lib/page-access";
import { PAGES, type Route } from "../lib/route";
import { useAccess } from "../lib/use-can";
import { useTRPC } from "../lib/trpc";
import { useUiStore } from "../store/ui-store";

type SearchKind = "client" | "room" | "staff" | "equipment" | "location";
const ROUTE_OF: Record<SearchKind, (id: string) => Route> = {
  client: (id) => ({ page: "clients", open: id }),
  room: (id) => ({ page: "rooms", tab: "rooms", open: id }),
  equipment: (id) => ({ page: "rooms", tab: "equipment", open: id }),
  location: (id) => ({ page: "rooms", tab: "locations", open: id }),
  staff: (id) => ({ page: "staff", open: id }),
};

interface Item {
  key: string;
  label: string;
  detail?: string | null;
  kind: string;
  route: Route;
}

/** Ctrl/Cmd+K: jump to any page or straight to a client, room, person, piece of gear or location. */
export function CommandPalette() {
  const t = useT();
  const trpc = useTRPC();
  const navigate = useUiStore((s) => s.navigate);
  const access = useAccess();
  const close = () => useUiStore.getState().setPaletteOpen(false);
  const [text, setText] = useState("");
  const [active, setActive] = useState(0);
  const query = useDeferredValue(text.trim());
  const hits = useQuery(trpc.studio.search.queryOptions({ text: query }, { enabled: query.length > 0 })).data ?? [];

  // Roles and room types come from the core as codes; show them in the person's language.
  const describe = (kind: SearchKind, detail: string | null): string | null => {
    if (detail && kind === "staff") return t(`staff.role.${detail}` as MessageKey);
    if (detail && kind === "room") return t(`rooms.type.${detail}` as MessageKey);
    return detail;
  };
  const needle = normalizeForSearch(text);
  const pages: Item[] = PAGES.filter((p) => pageAllowed(p, access.can)).map((p) => ({ key: `page:${p}`, label: t(`nav.${p}` as MessageKey), kind: t("palette.pages"), route: { page: p } }))
    .filter((p) => !needle || normalizeForSearch(p.label).includes(needle));
  const results: Item[] = query
    ? hits.map((h) => ({ key: `${h.kind}:${h.id}`, label: h.label, detail: describe(h.kind, h.detail), kind: t(`palette.kind.${h.kind}` as MessageKey), route: ROUTE_OF[h.kind](h.id) }))
    : [];
  const items = [...results, ...pages];

  useEffect(() => setActive(0), [text]);

  const choose = (item: Item | undefined) => {
    if (item) navigate(item.route);
  };

  return (
    <>
      <div className="overlay palette-overlay" onClick={close} />
      <div className="palette" role="dialog" aria-modal="true" aria-label={t("shell.search")}>
        <input
          autoFocus
          role="combobox"
          aria-expanded="true"
          aria-controls="palette-list"
          aria-activedescendant={items[active] ? `palette-${items[active]!.key}` : undefined}
          aria-label={t("shell.search")}
          placeholder={t("palette.placeholder")}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Escape") close();
            if (e.key === "ArrowDown") { e.preventDefault(); setActive((a) => Math.min(a + 1, items.length - 1)); }
            if (e.key === "ArrowUp") { e.preventDefault(); setActive((a) => Math.max(a - 1, 0)); }
            if (e.key === "Enter") { e.preventDefault(); choose(items[active]); }
          }}
        />
        <div className="palette-list" id="palette-list" role="listbox">
          {results.length > 0 && <div className="palette-group">{t("palette.results")}</div>}
          {query && results.length === 0 && <div className="palette-group">{t("palette.noResults", { q: query })}</div>}
          {items.map((item, i) => (
            <div key={item.key}>
              {i === results.length && <div className="palette-group">{t("palette.pages")}</div>}
              <div
                id={`palette-${item.key}`}
                role="option"
                aria-selected={i === active}
                className="palette-item"
                onMouseEnter={() => setActive(i)}
                onClick={() => choose(item)}
              >
                <span>{item.label}</span>
                {item.detail && <span className="subtle">{item.detail}</span>}
                <span className="kind badge">{item.kind}</span>
              </div>
            </div>
          ))}
        </div>
        <div className="palette-foot">{t("palette.hint")}</div>
      </div>
    </>
  );
}
