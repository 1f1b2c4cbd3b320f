// The ambassador list's search, run in the page as the coordinator types:
// the backend sends every row once with the text the core's free-text
// search looks at (lowercased fields joined by a separator), so matching
// here is the core's rule, not a second one.
import type { AmbassadorRow } from "../bindings/AmbassadorRow";
import type { RowList } from "../bindings/RowList";
import type { Status } from "../bindings/Status";

/** The core's SEARCH_TEXT_SEPARATOR. */
export const SEPARATOR = "\u001f";

export interface Filters {
  text: string;
  status: Status | "";
  includeArchived: boolean;
}

export function filterRows(list: RowList, filters: Filters): AmbassadorRow[] {
  const needle = filters.text.trim().toLowerCase();
  const out: AmbassadorRow[] = [];
  list.rows.forEach((row, i) => {
    if (row.archived && !filters.includeArchived) return;
    if (filters.status && row.status !== filters.status) return;
    if (needle && !list.texts[i].includes(needle)) return;
    out.push(row);
  });
  return out;
}
