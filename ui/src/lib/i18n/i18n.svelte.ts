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
  messages: Messages;
}

export const LOCALES = {
  en: { name: "English", dir: "ltr", messages: en },
  ar: { name: "العربية", dir: "rtl", messages: ar as Messages },
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

/** Switches the language and mirrors the page for right-to-left ones. */
export function setLocale(code: string): void {
  const next: Locale = isLocale(code) ? code : "en";
  state.locale = next;
  if (typeof document !== "undefined") {
    document.documentElement.lang = next;
    document.documentElement.dir = LOCALES[next].dir;
  }
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
  return typeof value === "number" ? new Intl.NumberFormat("en-GB").format(value) : value;
}

/** The placeholders a message uses, e.g. ["name"] for "Edit {name}". */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
}
