// Every visible string goes through t(). Messages live in ui/messages/<locale>.json;
// English is the reference: its keys type MessageKey, so a missing or
// misspelt key fails `npm run check`, and a test checks every other
// locale has exactly the same keys and placeholders.
import en from "../../../messages/en.json";
import ar from "../../../messages/ar.json";

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;

export interface LocaleInfo {
  /** The language's own name, shown in the language picker. */
  name: string;
  dir: "ltr" | "rtl";
  /** How profiles write this language (lower case), so self-view can open in it. */
  words: string[];
  messages: Messages;
}

export const LOCALES = {
  en: { name: "English", dir: "ltr", words: ["english"], messages: en },
  ar: { name: "العربية", dir: "rtl", words: ["arabic"], messages: ar as Messages },
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

/** The message `key` in the current language, with `{name}` placeholders filled. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const text: string = LOCALES[state.locale].messages[key] ?? en[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? formatParam(params[name]) : whole,
  );
}

function formatParam(value: string | number): string {
  // Western digits in both languages, as dates (YYYY-MM-DD) are written.
  if (typeof value === "number") return new Intl.NumberFormat("en-GB").format(value);
  // In a right-to-left sentence a bare date's parts would be reordered
  // (2023-03-04 shown as 04-03-2023): isolate it left to right.
  if (LOCALES[state.locale].dir === "rtl" && ISO_DATE.test(value)) return `\u2066${value}\u2069`;
  return value;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The placeholders a message uses, e.g. ["name"] for "Edit {name}". */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
}
