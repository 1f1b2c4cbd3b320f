import { afterEach, describe, expect, it } from "vitest";
import type { Message } from "../bindings/Message";
import { setLocale } from "./i18n.svelte";
import { say } from "./messages";

afterEach(() => setLocale("en"));

const turns = (count: number): Message => ({
  code: "rota-turns",
  params: { count: { type: "number", value: count }, last: { type: "date", value: "2026-01-10" } },
  text: `${count} turns so far, the last on 2026-01-10`,
});

describe("coded messages", () => {
  it("fill their placeholders with plural forms and dates in the reader's language", () => {
    expect(say(turns(1))).toBe("1 turn so far, on 10 January 2026");
    expect(say(turns(3))).toBe("3 turns so far, the last on 10 January 2026");
    setLocale("ar");
    // Arabic: 2 is "two", 3 "few", 11 "many".
    expect(say(turns(2))).toContain("دوران حتى الآن");
    expect(say(turns(3))).toContain("3 أدوار حتى الآن");
    expect(say(turns(11))).toContain("11 دورًا حتى الآن");
    setLocale("uk");
    expect(say(turns(5))).toContain("5 черг досі");
  });

  it("word vocabulary as its labels, lists as the language lists, and keep typed text as typed", () => {
    const days: Message = {
      code: "days",
      params: {
        free: { type: "list", value: [{ type: "weekday", value: "mon" }, { type: "weekday", value: "tue" }] },
        on: { type: "list", value: [{ type: "weekday", value: "sat" }] },
      },
      text: "is usually free on mon, tue; the project is on sat",
    };
    expect(say(days)).toBe("is usually free on Monday and Tuesday; the project is on Saturday");
    const note: Message = {
      code: "recognition-not-allowed",
      params: { kinds: { type: "either", value: [{ type: "kind", value: "payment" }, { type: "kind", value: "voucher" }] } },
      text: "",
    };
    expect(say(note)).toContain("do not offer Payment or Voucher");
    const speaks: Message = {
      code: "languages-some",
      params: {
        speaks: { type: "list", value: [{ type: "spoken", value: { language: "arabic", level: "native" } }] },
        missing: { type: "either", value: [{ type: "language", value: "tigrinya" }, { type: "language", value: "wolof" }] },
      },
      text: "",
    };
    expect(say(speaks)).toBe("speaks Arabic (Native); not Tigrinya or wolof");
    setLocale("fa");
    const skills: Message = { code: "required-skills-all", params: { skills: { type: "list", value: [{ type: "text", value: "public speaking" }] } }, text: "" };
    expect(say(skills)).toBe("همهٔ مهارت‌های لازم را دارد (public speaking)");
  });

  it("falls back to the core's English for a code this build does not know", () => {
    const unknown = { code: "from-a-newer-core", params: {}, text: "a sentence in English" } as unknown as Message;
    expect(say(unknown)).toBe("a sentence in English");
  });
});
