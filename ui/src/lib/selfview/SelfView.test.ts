import { render, screen, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import App from "../../App.svelte";
import type { MockBackend } from "../api/mock";
import { unlockedMock } from "../api/unlockedMock";
import { localeFor, locale, setLocale, t } from "../i18n/i18n.svelte";
import { session } from "../session/session.svelte";
import HomeScreen from "../home/HomeScreen.svelte";
import { reminderGroups, reminderText } from "../home/reminders";
import type { ExpiringTraining } from "../bindings/ExpiringTraining";
import type { SuggestionRow } from "../bindings/SuggestionRow";
import { suggestionText } from "./suggestions";

let backend: MockBackend;

beforeEach(async () => {
  backend = await unlockedMock();
});

/** Rahel speaks Arabic and has done Induction. */
const rahel = () => backend.personNamed("Rahel").profile.id;

describe("self-view", () => {
  it("shows only the person's record, in their language, and leaves only with the passphrase", async () => {
    const user = userEvent.setup();
    await session.enterSelfView(rahel(), "ar");
    render(App);
    expect(await screen.findByTestId("self-view")).toBeInTheDocument();
    expect(locale()).toBe("ar");
    expect(screen.getByTestId("self-view-training")).toHaveTextContent("Induction");
    expect(screen.queryByTestId("nav-ambassadors")).toBeNull();
    // Coordinator calls are refused while self-view is open.
    await expect(backend.searchAmbassadors({ text: null, skill: null, interest: null, language: null, region: null, status: null, include_archived: false })).rejects.toMatchObject({ code: "self-view" });

    setLocale("en");
    session.selfViewLocale = "en";
    await user.click(await screen.findByTestId("leave-self-view"));
    await user.type(screen.getByLabelText("Coordinator's passphrase"), "wrong");
    await user.click(screen.getByTestId("leave-confirm"));
    expect(await screen.findByRole("alert")).toHaveTextContent("That passphrase is not right. Self-view stays open.");
    expect(session.selfView).toBe(true);

    await user.type(screen.getByLabelText("Coordinator's passphrase"), "demo passphrase");
    await user.click(screen.getByTestId("leave-confirm"));
    expect(await screen.findByTestId("nav-home")).toBeInTheDocument();
    expect(session.selfView).toBe(false);
  });

  it("lists the person's skills and interests with their language's comma", async () => {
    await session.enterSelfView(rahel(), "ar");
    render(App);
    await screen.findByTestId("self-view");
    const fact = (label: "profile.skills" | "profile.interests") =>
      screen.getByText(t(label), { selector: "dt" }).nextElementSibling?.textContent;
    expect(fact("profile.skills")).toBe("design، photography");
    expect(fact("profile.interests")).toBe("arts، education، legal rights");
    setLocale("en");
    await waitFor(() => expect(fact("profile.interests")).toBe("arts, education, legal rights"));
  });

  it("sends what the person adds as suggestions, and refuses an empty one", async () => {
    const user = userEvent.setup();
    await session.enterSelfView(rahel(), "en");
    render(App);
    const course = await screen.findByTestId("suggest-course");
    await user.click(course.querySelector("button[type=submit]")!);
    expect(await screen.findByRole("alert")).toHaveTextContent("Choose a rating or write something first.");
    await user.click(screen.getByLabelText("4"));
    await user.type(screen.getByLabelText(/A few words/), "I spoke up for the first time");
    await user.click(course.querySelector("button[type=submit]")!);
    const sent = await screen.findByTestId("self-view-suggestions");
    expect(sent).toHaveTextContent("Confidence after Induction: 4 of 5");
    expect(sent).toHaveTextContent("On Induction: “I spoke up for the first time”");
    expect(backend.suggestions.map((s) => s.state)).toEqual(["pending", "pending"]);
  });
});

describe("home screen", () => {
  it("lets the coordinator approve a suggestion", async () => {
    await backend.enterSelfView(backend.personNamed("Mustafa").profile.id);
    await backend.suggest({ kind: "hours", date: "2026-11-21", hours: "2", role: "School assembly" });
    await backend.leaveSelfView("demo passphrase");
    const user = userEvent.setup();
    render(HomeScreen);
    const approve = await screen.findByRole("button", { name: /Approve what Mustafa added/ });
    await user.click(approve);
    expect(await screen.findByText("Approved and added to Mustafa's record.")).toBeInTheDocument();
    expect(screen.getByText("Nothing is waiting for you.")).toBeInTheDocument();
  });
});

describe("reminders", () => {
  const row = (days_left: number, state: ExpiringTraining["state"], reminder: number | null): ExpiringTraining => ({
    ambassador_id: `a${days_left}`, display_name: "X", course_id: "c", course_title: "Safeguarding", completed: "2025-01-01", expires: "2027-01-01", state, days_left, reminder,
  });

  it("groups by band: expired, then 7, 30 and 60 days, soonest first", () => {
    const groups = reminderGroups([row(45, "expiring-soon", 60), row(3, "expiring-soon", 7), row(-2, "expired", null), row(20, "expiring-soon", 30), row(1, "expiring-soon", 7)]);
    expect(groups.map((g) => g.band)).toEqual(["expired", 7, 30, 60]);
    expect(groups[1].rows.map((r) => r.days_left)).toEqual([1, 3]);
  });

  it("words the days left", () => {
    expect(reminderText(12)).toBe("expires in 12 days");
    expect(reminderText(-3)).toBe("expired 3 days ago");
    expect(reminderText(61)).toBeNull();
    expect(reminderText(null)).toBeNull();
  });

  it("opens self-view in a language the UI has", () => {
    expect(localeFor(["tigrinya", "Arabic", "english"])).toBe("ti");
    expect(localeFor(["Somali", "Arabic"])).toBe("ar");
    expect(localeFor(["dari"])).toBe("fa");
    expect(localeFor(["english"])).toBe("en");
    expect(localeFor(["somali"])).toBeNull();
  });
});

describe("suggestions in plain words", () => {
  it("list new contact details as the reader's language lists values", () => {
    const contact = {
      change: { kind: "contact", email: "rahel@example.org", phone: "07700 900123", channel: "whatsapp" },
      course_title: null,
    } as unknown as SuggestionRow;
    expect(suggestionText(contact)).toBe("New contact details: rahel@example.org, 07700 900123, WhatsApp");
    setLocale("ar");
    expect(suggestionText(contact)).toBe("بيانات اتصال جديدة: rahel@example.org، 07700 900123، واتساب");
    const phoneOnly = { ...contact, change: { kind: "contact", email: null, phone: "07700 900123", channel: null } } as SuggestionRow;
    expect(suggestionText(phoneOnly)).toBe("بيانات اتصال جديدة: 07700 900123");
  });
});
