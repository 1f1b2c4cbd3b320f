// Every visible string goes through t(). Messages live in ui/messages/<locale>.json,
// one file per language so a reviewer reads and corrects one file;
// ui/messages/context/notes.json says, for keys that need it, where a
// message appears. English is the reference: its keys type MessageKey, so a
// missing or misspelt key fails `npm run check`, and a test checks every other
// locale has exactly the same keys and placeholders.
//
// A message may count: "{count, plural, one {# person} other {# people}}".
// The category comes from Intl.PluralRules for the current language, so
// Arabic can give all six forms (zero, one, two, few, many, other) and
// Farsi two; `#` is the count written with Intl.NumberFormat.
import en from "../../../messages/en.json";
import ar from "../../../messages/ar.json";
import fa from "../../../messages/fa.json";
import fr from "../../../messages/fr.json";
import ti from "../../../messages/ti.json";
import uk from "../../../messages/uk.json";

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;

/**
 * `source`: the language the app is written in. `draft`: translated here,
 * awaiting review by a native speaker (the app says so). `reviewed`: a native
 * speaker has checked every message.
 */
export type LocaleStatus = "source" | "draft" | "reviewed";

export interface LocaleInfo {
  /** The language's own name, shown in the language picker. */
  name: string;
  dir: "ltr" | "rtl";
  status: LocaleStatus;
  /** How profiles write this language (lower case), so self-view can open in it. */
  words: string[];
  messages: Messages;
}

export const LOCALES = {
  en: { name: "English", dir: "ltr", status: "source", words: ["english"], messages: en },
  ar: { name: "العربية", dir: "rtl", status: "draft", words: ["arabic", "عربي", "العربية"], messages: ar as Messages },
  fa: {
    name: "فارسی",
    dir: "rtl",
    status: "draft",
    words: ["farsi", "persian", "dari", "فارسی", "دری"],
    messages: fa as Messages,
  },
  fr: { name: "Français", dir: "ltr", status: "draft", words: ["french", "français"], messages: fr as Messages },
  ti: { name: "ትግርኛ", dir: "ltr", status: "draft", words: ["tigrinya", "ትግርኛ"], messages: ti as Messages },
  uk: {
    name: "Українська",
    dir: "ltr",
    status: "draft",
    words: ["ukrainian", "українська"],
    messages: uk as Messages,
  },
} satisfies Record<string, LocaleInfo>;

export type Locale = keyof typeof LOCALES;

export function isLocale(code: string): code is Locale {
  return Object.hasOwn(LOCALES, code);
}

const state = $state<{ locale: Locale }>({ locale: "en" });

export function locale(): Locale {
  return state.locale;
}

export function dir(): "ltr" | "rtl" {
  return LOCALES[state.locale].dir;
}

/** Whether the current language is a draft awaiting a native speaker's review. */
export function isDraft(): boolean {
  return (LOCALES[state.locale] as LocaleInfo).status === "draft";
}

/**
 * The UI language for someone who speaks `languages` (as their profile
 * writes them, strongest first): the first the UI has, else null.
 */
export function localeFor(languages: string[]): Locale | null {
  for (const language of languages) {
    const word = language.trim().toLowerCase();
    const found = (Object.keys(LOCALES) as Locale[]).find(
      (code) => code === word || (LOCALES[code].words as string[]).includes(word),
    );
    if (found) return found;
  }
  return null;
}

/** Switches the language and mirrors the page for right-to-left ones. */
export function setLocale(code: string): void {
  const next: Locale = isLocale(code) ? code : "en";
  state.locale = next;
  if (typeof document !== "undefined") {
    document.documentElement.lang = next;
    document.documentElement.dir = LOCALES[next].dir;
  }
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

type Params = Record<string, string | number>;

/**
 * A language's name as the current language writes it, when profiles write
 * it as one of the common words (`arabic`, `tigrinya` ...); anything else
 * people typed is shown as they typed it.
 */
export function languageName(word: string): string {
  const key = `language.${word.trim().toLowerCase()}`;
  return isMessageKey(key) ? t(key) : word;
}

/** The message `key` in the current language, with placeholders and plurals filled. */
export function t(key: MessageKey, params?: Params): string {
  const text: string = LOCALES[state.locale].messages[key] ?? en[key] ?? key;
  return params ? fill(text, params, state.locale) : text;
}

/** Fills `{name}` and `{name, plural, ...}` in `text` for `code`. */
export function fill(text: string, params: Params, code: Locale): string {
  return replacePlurals(text, (name, forms) => {
    const value = params[name];
    if (typeof value !== "number") return null;
    const form = forms.get(`=${value}`) ?? forms.get(pluralRules(code).select(value)) ?? forms.get("other");
    return form === undefined ? null : form.replace(/#/g, formatNumber(value, code));
  }).replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? formatParam(params[name], code) : whole,
  );
}

/** A number as this language groups it, in Western digits (as dates and ids are written). */
export function formatNumber(value: number, code: Locale = state.locale): string {
  return numberFormat(code).format(value);
}

/** An amount in pence as pounds, written the way this language writes money (Western digits). */
export function formatMoney(pence: number, code: Locale = state.locale): string {
  const format = kept(money, code, () =>
    new Intl.NumberFormat(code === "en" ? "en-GB" : code, {
      style: "currency",
      currency: "GBP",
      currencyDisplay: "narrowSymbol",
      numberingSystem: "latn",
    }),
  );
  return format.format(pence / 100);
}

/**
 * A `YYYY-MM-DD` day as this language writes a date (e.g. "4 March 2023",
 * "4 mars 2023"), in Western digits; anything else is returned as it is.
 */
export function formatDate(iso: string, code: Locale = state.locale): string {
  if (!ISO_DATE.test(iso)) return iso;
  const [y, m, d] = iso.split("-").map(Number);
  return dateFormat(code).format(new Date(Date.UTC(y, m - 1, d)));
}

/**
 * The days from `first` to `last` (both `YYYY-MM-DD`) as this language writes
 * a range ("3–5 March 2026"); one day when they are the same.
 */
export function formatPeriod(first: string, last: string, code: Locale = state.locale): string {
  if (first === last || !ISO_DATE.test(first) || !ISO_DATE.test(last)) return formatDate(first, code);
  const day = (iso: string) => {
    const [y, m, d] = iso.split("-").map(Number);
    return new Date(Date.UTC(y, m - 1, d));
  };
  return dateFormat(code).formatRange(day(first), day(last));
}

/**
 * Items inside a sentence, as this language lists them: "a, b and c", or
 * with `or` "a, b or c". For prose: "Offer instead: a, b or c", the names in
 * "Recorded for {date}: X and Y". Values shown as data take formatItems.
 */
export function formatList(items: readonly string[], or = false, code: Locale = state.locale): string {
  const format = kept(lists, `${code}:${or ? "or" : "and"}`, () =>
    new Intl.ListFormat(code, { type: or ? "disjunction" : "conjunction" }),
  );
  return format.format(items);
}

/**
 * Values shown as data rather than said in a sentence (a table cell, a
 * profile's skills, a project's languages), joined by the language's own
 * separator (`list.separator`: ", " in English, "، " in Arabic and Farsi,
 * "፣ " in Tigrinya), with no word for "and": the values are often typed in
 * English, and Arabic's "و" would attach to them. "" for no items, so
 * `formatItems(xs) || "—"` still shows the fallback. Lists said in a
 * sentence take formatList.
 */
export function formatItems(items: readonly string[], code: Locale = state.locale): string {
  return items.join(LOCALES[code].messages["list.separator"] ?? en["list.separator"]);
}

/**
 * A moment (Unix seconds) as this language writes a date and time of day,
 * in this laptop's time zone and Western digits (e.g. "3 Dec 2026, 14:05").
 */
export function formatTime(seconds: number, code: Locale = state.locale): string {
  return timeFormat(code).format(new Date(seconds * 1000));
}

function formatParam(value: string | number, code: Locale): string {
  if (typeof value === "number") return formatNumber(value, code);
  // In a right-to-left sentence a bare date's parts would be reordered
  // (2023-03-04 shown as 04-03-2023): isolate it left to right.
  if (LOCALES[code].dir === "rtl" && ISO_DATE.test(value)) return `\u2066${value}\u2069`;
  return value;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

// Intl objects are costly to make; one of each per language is kept.
const plurals = new Map<Locale, Intl.PluralRules>();
const numbers = new Map<Locale, Intl.NumberFormat>();
const money = new Map<Locale, Intl.NumberFormat>();
const dates = new Map<Locale, Intl.DateTimeFormat>();
const lists = new Map<string, Intl.ListFormat>();
const times = new Map<Locale, Intl.DateTimeFormat>();

/** The cached value for `key`, made once by `make`. */
function kept<K, V>(cache: Map<K, V>, key: K, make: () => V): V {
  let value = cache.get(key);
  if (value === undefined) cache.set(key, (value = make()));
  return value;
}

function timeFormat(code: Locale): Intl.DateTimeFormat {
  return kept(times, code, () =>
    new Intl.DateTimeFormat(code === "en" ? "en-GB" : code, {
      dateStyle: "medium",
      timeStyle: "short",
      calendar: "gregory",
      numberingSystem: "latn",
    }),
  );
}

function pluralRules(code: Locale): Intl.PluralRules {
  return kept(plurals, code, () => new Intl.PluralRules(code));
}

function numberFormat(code: Locale): Intl.NumberFormat {
  return kept(numbers, code, () => new Intl.NumberFormat(code, { numberingSystem: "latn" }));
}

function dateFormat(code: Locale): Intl.DateTimeFormat {
  return kept(dates, code, () =>
    new Intl.DateTimeFormat(code === "en" ? "en-GB" : code, {
      dateStyle: "long",
      // Records and meetings here follow the Gregorian calendar, even where
      // the language usually writes another (Farsi: the Solar Hijri one).
      calendar: "gregory",
      timeZone: "UTC",
      numberingSystem: "latn",
    }),
  );
}

/**
 * Replaces each `{name, plural, cat {text} ...}` in `text` by what `choose`
 * returns for it (left as written when it returns null). Forms may hold
 * `{other}` placeholders but no nested plurals.
 */
function replacePlurals(
  text: string,
  choose: (name: string, forms: Map<string, string>) => string | null,
): string {
  let out = "";
  let at = 0;
  for (const found of pluralBlocks(text)) {
    out += text.slice(at, found.start);
    out += choose(found.name, found.forms) ?? text.slice(found.start, found.end);
    at = found.end;
  }
  return out + text.slice(at);
}

interface PluralBlock {
  name: string;
  forms: Map<string, string>;
  start: number;
  end: number;
}

/** Every plural block in `text`, in order. */
export function pluralBlocks(text: string): PluralBlock[] {
  const blocks: PluralBlock[] = [];
  const head = /\{(\w+),\s*plural,/g;
  let match: RegExpExecArray | null;
  while ((match = head.exec(text))) {
    const forms = new Map<string, string>();
    let i = match.index + match[0].length;
    for (;;) {
      while (/\s/.test(text[i] ?? "")) i++;
      if (text[i] === "}") {
        blocks.push({ name: match[1], forms, start: match.index, end: i + 1 });
        head.lastIndex = i + 1;
        break;
      }
      const selector = /^(=\d+|zero|one|two|few|many|other)\s*\{/.exec(text.slice(i));
      if (!selector) break; // Not a well-formed block: leave it as text.
      let depth = 1;
      let j = i + selector[0].length;
      const from = j;
      while (j < text.length && depth > 0) {
        if (text[j] === "{") depth++;
        else if (text[j] === "}") depth--;
        j++;
      }
      forms.set(selector[1], text.slice(from, j - 1));
      i = j;
    }
  }
  return blocks;
}

/** The placeholders a message uses, e.g. ["name"] for "Edit {name}" (plural ones included). */
export function placeholders(text: string): string[] {
  const names = new Set<string>();
  let plain = text;
  for (const block of pluralBlocks(text)) {
    names.add(block.name);
    for (const form of block.forms.values()) {
      for (const m of form.matchAll(/\{(\w+)\}/g)) names.add(m[1]);
    }
  }
  for (const block of pluralBlocks(text).reverse()) {
    plain = plain.slice(0, block.start) + plain.slice(block.end);
  }
  for (const m of plain.matchAll(/\{(\w+)\}/g)) names.add(m[1]);
  return [...names].sort();
}
