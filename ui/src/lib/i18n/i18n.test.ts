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
