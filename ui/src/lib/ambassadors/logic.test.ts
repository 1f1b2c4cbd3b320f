import { describe, expect, it } from "vitest";
import { addWords, blankProfile, toggle } from "./profile";
import { scrollToShow, visibleRange } from "./virtual";
import { needsAmount, outcomeOf } from "../recognition/recognition";
import { WEEKDAYS } from "../bindings/vocabularies";

describe("virtual list", () => {
  it("renders only the rows in view plus a few around them", () => {
    const cases: [number, number, number, { start: number; end: number }][] = [
      [0, 640, 5000, { start: 0, end: 16 }],
      [6400, 640, 5000, { start: 94, end: 116 }],
      [320_000 - 640, 640, 5000, { start: 4984, end: 5000 }],
      [0, 640, 3, { start: 0, end: 3 }],
      [0, 0, 0, { start: 0, end: 0 }],
    ];
    for (const [top, height, count, expected] of cases) {
      expect(visibleRange(top, height, 64, count)).toEqual(expected);
    }
  });

  it("scrolls just enough to show the active row", () => {
    expect(scrollToShow(0, 640, 640, 64)).toBe(0);
    expect(scrollToShow(20, 0, 640, 64)).toBe(21 * 64 - 640);
    expect(scrollToShow(5, 0, 640, 64)).toBe(0);
  });
});

describe("profile helpers", () => {
  it("adds typed words as normalised tags without repeats", () => {
    expect(addWords(["writing"], " Public  Speaking, writing,, ")).toEqual(["writing", "public speaking"]);
  });

  it("toggles days in week order", () => {
    expect(toggle(["fri"], "mon", true, WEEKDAYS)).toEqual(["mon", "fri"]);
    expect(toggle(["mon", "fri"], "mon", false, WEEKDAYS)).toEqual(["fri"]);
  });

  it("starts new people as active, check-first, joined today", () => {
    const p = blankProfile("2026-01-02");
    expect(p.status).toBe("active");
    expect(p.payment).toBe("check-first");
    expect(p.joined).toBe("2026-01-02");
  });
});

describe("recognition", () => {
  it("asks for an amount only for kinds that involve money", () => {
    expect(needsAmount("travel-expenses")).toBe(true);
    expect(needsAmount("meal")).toBe(true);
    expect(needsAmount("certificate")).toBe(false);
    expect(needsAmount("thanks")).toBe(false);
  });

  it("branches on the error code, never the message", () => {
    expect(outcomeOf(null)).toBe("logged");
    expect(outcomeOf("check-first")).toBe("confirm");
    expect(outcomeOf("payment-not-allowed")).toBe("refused");
    expect(outcomeOf("invalid")).toBe("error");
  });
});
