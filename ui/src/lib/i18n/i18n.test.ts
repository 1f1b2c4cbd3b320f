import { describe, expect, it } from "vitest";
import notes from "../../../messages/context/notes.json";
import {
  LOCALES,
  formatDate,
  formatItems,
  formatList,
  formatMoney,
  isDraft,
  placeholders,
  pluralBlocks,
  setLocale,
  t,
  type Locale,
  type MessageKey,
} from "./i18n.svelte";

describe("messages", () => {
  const reference = LOCALES.en.messages;
  for (const [code, info] of Object.entries(LOCALES)) {
    it(`${code} has every English key and the same placeholders`, () => {
      expect(Object.keys(info.messages).sort()).toEqual(Object.keys(reference).sort());
      for (const key of Object.keys(reference) as MessageKey[]) {
        expect(placeholders(info.messages[key]), `${code} ${key}`).toEqual(
          placeholders(reference[key]),
        );
        expect(info.messages[key].trim(), `${code} ${key}`).not.toBe("");
      }
    });

    it(`${code} gives every plural form its language needs`, () => {
      const needed = new Intl.PluralRules(code).resolvedOptions().pluralCategories;
      for (const key of Object.keys(reference) as MessageKey[]) {
        const english = pluralBlocks(reference[key]).map((b) => b.name);
        const blocks = pluralBlocks(info.messages[key]);
        // A counted message stays counted in every language.
        expect(blocks.map((b) => b.name), `${code} ${key}`).toEqual(english);
        for (const block of blocks) {
          for (const category of needed) {
            expect(block.forms.has(category), `${code} ${key} lacks "${category}"`).toBe(true);
          }
        }
      }
    });
  }

  it("has at least six languages, two of them right to left, English the only source", () => {
    const all = Object.values(LOCALES);
    expect(all.length).toBeGreaterThanOrEqual(6);
    expect(all.filter((l) => l.dir === "rtl").length).toBeGreaterThanOrEqual(2);
    expect(Object.entries(LOCALES).filter(([, l]) => l.status === "source").map(([c]) => c)).toEqual(["en"]);
  });

  it("notes for reviewers name only keys that exist", () => {
    for (const key of Object.keys(notes)) expect(Object.hasOwn(reference, key), key).toBe(true);
  });

  it("fills placeholders and mirrors the page for Arabic", () => {
    setLocale("en");
    expect(t("amb.count", { shown: 1200, total: 5000 })).toBe("1,200 of 5,000");
    setLocale("ar");
    expect(document.documentElement.dir).toBe("rtl");
    expect(document.documentElement.lang).toBe("ar");
    expect(t("nav.ambassadors")).not.toBe("Ambassadors");
    setLocale("xx");
    expect(document.documentElement.dir).toBe("ltr");
    expect(t("nav.ambassadors")).toBe("Ambassadors");
  });
});

describe("plurals", () => {
  it("pick the form Intl.PluralRules gives for the language", () => {
    setLocale("en");
    expect(t("reminder.inDays", { days: 1 })).toBe("expires in 1 day");
    expect(t("reminder.inDays", { days: 1200 })).toBe("expires in 1,200 days");
    setLocale("ar");
    // Arabic has six forms: 2 is "two", 3 "few", 11 "many", 100 "other".
    expect(t("reminder.inDays", { days: 2 })).toBe("ينتهي بعد يومين");
    expect(t("reminder.inDays", { days: 3 })).toBe("ينتهي بعد 3 أيام");
    expect(t("reminder.inDays", { days: 11 })).toBe("ينتهي بعد 11 يومًا");
    expect(t("reminder.inDays", { days: 100 })).toBe("ينتهي بعد 100 يوم");
    setLocale("uk");
    expect(t("reminder.inDays", { days: 21 })).toBe("спливає через 21 день");
    expect(t("reminder.inDays", { days: 3 })).toBe("спливає через 3 дні");
    expect(t("reminder.inDays", { days: 5 })).toBe("спливає через 5 днів");
    setLocale("en");
  });

  it("leave a counted message as written when the count is missing", () => {
    setLocale("en");
    expect(t("reminder.inDays")).toContain("{days, plural");
    expect(placeholders("{n, plural, one {# of {total}} other {# of {total}}} in {place}")).toEqual([
      "n",
      "place",
      "total",
    ]);
  });
});

describe("dates and drafts", () => {
  it("write a day as each language does, in Western digits", () => {
    expect(formatDate("2023-03-04", "en")).toBe("4 March 2023");
    expect(formatDate("2023-03-04", "fr")).toBe("4 mars 2023");
    expect(formatDate("2023-03-04", "fa")).toMatch(/2023/);
    expect(formatDate("not a date", "en")).toBe("not a date");
  });

  it("write pounds as each language does, in Western digits", () => {
    expect(formatMoney(1250, "en")).toBe("£12.50");
    expect(formatMoney(1250, "fr")).toMatch(/^12,50\s£$/);
    expect(formatMoney(1250, "fa")).toMatch(/12[.٫]50/);
    expect(formatMoney(1250, "ar")).not.toMatch(/[٠-٩]/);
  });

  it("mark every language but English as a draft until reviewed", () => {
    for (const code of Object.keys(LOCALES) as Locale[]) {
      setLocale(code);
      expect(isDraft(), code).toBe(code !== "en");
    }
    setLocale("en");
  });
});

describe("errors from the core", () => {
  it("keep the core's sentence in English and are their translated summary elsewhere, with only the specifics it lacks", async () => {
    const { failureText } = await import("../api/backend");
    const error = { code: "bundle-altered", message: "the bundle was changed after it was signed" };
    setLocale("en");
    expect(failureText(error)).toBe("the bundle was changed after it was signed");
    setLocale("ar");
    expect(failureText(error)).toBe("تغيّرت هذه الحزمة أو تلفت بعد كتابتها؛ لم يُستورد شيء.");
    const damaged = { ...error, specifics: "a document in this bundle does not read as one (bad chunk)" };
    expect(failureText(damaged)).toBe(`تغيّرت هذه الحزمة أو تلفت بعد كتابتها؛ لم يُستورد شيء. (${damaged.specifics})`);
    expect(failureText({ code: "no-such-code", message: "x" })).toBe("x");
    setLocale("en");
  });
});

describe("dates in sentences", () => {
  it("are isolated left to right in a right-to-left language only", () => {
    setLocale("ar");
    expect(t("home.expiredOn", { date: "2023-03-04" })).toBe("انتهت في \u20662023-03-04\u2069");
    setLocale("en");
    expect(t("home.expiredOn", { date: "2023-03-04" })).toBe("expired 2023-03-04");
  });
});

describe("lists", () => {
  it("show values as data with the language's own comma and no word for 'and'", () => {
    expect(formatItems(["Arabic", "English", "French"], "en")).toBe("Arabic, English, French");
    expect(formatItems(["Arabic", "English"], "en")).toBe("Arabic, English");
    // Arabic and Farsi write the Arabic comma "،", never a Latin one, and no
    // "و" that would attach itself to a value typed in English.
    expect(formatItems(["arts", "education", "legal rights"], "ar")).toBe("arts، education، legal rights");
    expect(formatItems(["الف", "ب", "پ"], "fa")).toBe("الف، ب، پ");
    expect(formatItems(["ሓደ", "ክልተ", "ሰለስተ"], "ti")).toBe("ሓደ፣ ክልተ፣ ሰለስተ");
    expect(formatItems(["a", "b"], "uk")).toBe("a, b");
  });

  it("follow the current language and give nothing for no items, so a fallback still shows", () => {
    setLocale("fa");
    expect(formatItems(["a", "b", "c"])).toBe("a، b، c");
    expect(formatItems([]) || "—").toBe("—");
    setLocale("en");
    expect(formatItems(["a"])).toBe("a");
    expect(formatItems([]) || "—").toBe("—");
  });

  it("in a sentence, join the last item with 'and' or 'or' as the language does", () => {
    expect(formatList(["Certificate", "Thanks", "Meal"], false, "en")).toBe("Certificate, Thanks, and Meal");
    expect(formatList(["Certificate", "Thanks", "Meal"], true, "en")).toBe("Certificate, Thanks, or Meal");
    expect(formatList(["a", "b", "c"], true, "fr")).toBe("a, b ou c");
    expect(formatList(["أ", "ب", "ج"], false, "ar")).toBe("أ وب وج");
  });
});
