import type { ReactNode } from "react";
import { useT } from "../i18n";

interface Props {
  search: string;
  onSearch(v: string): void;
  showArchived: boolean;
  onShowArchived(v: boolean): void;
  children?: ReactNode;
}

export function ListToolbar({ search, onSearch, showArchived, onShowArchived, children }: Props) {
  const t = useT();
  return (
    <div className="toolbar">
      <input
        className="input search-input"
        type="search"
        placeholder={t("common.search")}
        aria-label={t("common.search")}
        value={search}
        onChange={(e) => onSearch(e.target.value)}
      />
      {children}
      <span className="grow" />
      <label className="check">
        <input type="checkbox" checked={showArchived} onChange={(e) => onShowArchived(e.target.checked)} />
        {t("common.showArchived")}
      </label>
    </div>
  );
}
