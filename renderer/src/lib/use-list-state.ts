import { useDeferredValue, useState } from "react";
import type { SortState } from "../components/DataTable";

/** Search, archived toggle and sort for one list; the search is deferred so typing stays smooth. */
export function useListState(defaultSort = "name") {
  const [search, setSearch] = useState("");
  const [showArchived, setShowArchived] = useState(false);
  const [sort, setSort] = useState<SortState>({ sort: defaultSort, direction: "asc" });
  const deferredSearch = useDeferredValue(search);
  return {
    search,
    setSearch,
    showArchived,
    setShowArchived,
    sort,
    setSort,
    query: { search: deferredSearch || undefined, includeArchived: showArchived || undefined, sort: sort.sort, direction: sort.direction },
  };
}
