import { describe, expect, it } from "vitest";
import { LOCALES, placeholders, setLocale, t, type MessageKey } from "./i18n.svelte";

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
  }

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

describe("errors from the core", () => {
  it("keep the core's sentence in English and lead with a translated summary elsewhere", async () => {
    const { failureText } = await import("../api/backend");
    const error = { code: "bundle-altered", message: "the bundle was changed after it was signed" };
    setLocale("en");
    expect(failureText(error)).toBe("the bundle was changed after it was signed");
    setLocale("ar");
    expect(failureText(error)).toBe("تغيّرت هذه الحزمة أو تلفت بعد كتابتها؛ لم يُستورد شيء. (the bundle was changed after it was signed)");
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
