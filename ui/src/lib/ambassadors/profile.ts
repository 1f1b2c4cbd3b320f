import type { Profile } from "../bindings/Profile";

/** Today as YYYY-MM-DD in local time. */
export function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** An empty profile for the "add ambassador" form. */
export function blankProfile(joined = today()): Profile {
  return {
    id: "",
    display_name: "",
    full_name: null,
    pronouns: null,
    email: null,
    phone: null,
    preferred_channel: null,
    region: "",
    local_group: null,
    languages: [],
    skills: [],
    interests: [],
    availability: { days: [], times: [], remote: false, in_person: true, travel_km: null },
    access_needs: null,
    interpreter: null,
    status: "active",
    joined,
    payment: "check-first",
    organisations: [],
    notes: "",
    archived: false,
  };
}

/** Toggles `item` in a list, keeping the order of `all`. */
export function toggle<T>(list: readonly T[], item: T, on: boolean, all: readonly T[]): T[] {
  const set = new Set(list);
  if (on) set.add(item);
  else set.delete(item);
  return all.filter((x) => set.has(x));
}

/** Adds words typed as "a, b" to a set of tags: trimmed, lower-cased, no repeats. */
export function addWords(tags: readonly string[], typed: string): string[] {
  const out = [...tags];
  for (const raw of typed.split(",")) {
    const word = raw.trim().replace(/\s+/g, " ").toLowerCase();
    if (word && !out.includes(word)) out.push(word);
  }
  return out;
}
