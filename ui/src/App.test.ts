import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import App from "./App.svelte";
import { useBackend } from "./lib/api";
import { MockBackend } from "./lib/api/mock";
import { setLocale } from "./lib/i18n/i18n.svelte";
import { session } from "./lib/session/session.svelte";

let backend: MockBackend;

async function unlock(user = userEvent.setup()) {
  render(App);
  const input = await screen.findByLabelText("Passphrase");
  await user.type(input, "demo passphrase");
  await user.click(screen.getByRole("button", { name: "Unlock" }));
  await screen.findByRole("listbox", { name: "Ambassadors found" });
  return user;
}

beforeEach(() => {
  backend = new MockBackend();
  useBackend(backend);
  setLocale("en");
  session.status = null;
  session.screen = "ambassadors";
  session.lockedReason = null;
});

describe("first run and unlock", () => {
  it("creates a store, refusing a short or mistyped passphrase first", async () => {
    backend = new MockBackend({ empty: true });
    useBackend(backend);
    const user = userEvent.setup();
    render(App);
    await user.type(await screen.findByLabelText("Network name"), "Leeds ambassadors");
    await user.type(screen.getByLabelText("Passphrase"), "short");
    await user.type(screen.getByLabelText("Passphrase again"), "short");
    await user.click(screen.getByRole("button", { name: "Create the store" }));
    expect(screen.getByRole("alert")).toHaveTextContent("at least 10 characters");
    await user.clear(screen.getByLabelText("Passphrase"));
    await user.type(screen.getByLabelText("Passphrase"), "river lantern orchard");
    await user.click(screen.getByRole("button", { name: "Create the store" }));
    expect(screen.getByRole("alert")).toHaveTextContent("not the same");
    await user.clear(screen.getByLabelText("Passphrase again"));
    await user.type(screen.getByLabelText("Passphrase again"), "river lantern orchard");
    await user.click(screen.getByRole("button", { name: "Create the store" }));
    expect(await screen.findByText("No ambassadors yet. Add the first one.")).toBeInTheDocument();
    expect(backend.passphrase).toBe("river lantern orchard");
  });

  it("joins an existing network with an invite file and code", async () => {
    backend = new MockBackend({ empty: true });
    backend.nextPath = "/media/usb/leeds.invite";
    useBackend(backend);
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByLabelText("Join with an invite"));
    await user.type(screen.getByLabelText("One-time code"), "WRONG-CODE");
    await user.type(screen.getByLabelText("This laptop's name"), "Amira's laptop");
    await user.type(screen.getByLabelText("Passphrase"), "river lantern orchard");
    await user.type(screen.getByLabelText("Passphrase again"), "river lantern orchard");
    await user.click(screen.getByRole("button", { name: "Join the network" }));
    expect(screen.getByRole("alert")).toHaveTextContent("Choose the invite file first.");
    await user.click(screen.getByRole("button", { name: "Choose the invite file…" }));
    expect(screen.getByText("/media/usb/leeds.invite")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Join the network" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("the invite code is wrong");
    await user.clear(screen.getByLabelText("One-time code"));
    await user.type(screen.getByLabelText("One-time code"), "ABCD-EFGH");
    await user.click(screen.getByRole("button", { name: "Join the network" }));
    expect(await screen.findByText("No ambassadors yet. Add the first one.")).toBeInTheDocument();
    expect(screen.getByText("Leeds ambassadors")).toBeInTheDocument();
    expect(backend.written).toEqual(["/media/usb/leeds.invite"]);
  });

  it("says so when the passphrase is wrong, by its code", async () => {
    const user = userEvent.setup();
    render(App);
    await user.type(await screen.findByLabelText("Passphrase"), "nope");
    await user.click(screen.getByRole("button", { name: "Unlock" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("That passphrase is not right");
  });

  it("drops the data and says why when the backend locks itself", async () => {
    await unlock();
    expect(screen.getAllByTestId("ambassador-row").length).toBeGreaterThan(0);
    backend.autoLock();
    expect(await screen.findByText("Locked after 5 minutes without use.")).toBeInTheDocument();
    expect(screen.queryByTestId("ambassador-row")).toBeNull();
  });

  it("locks with the Lock button and unlocks again", async () => {
    const user = await unlock();
    await user.click(screen.getByTestId("lock"));
    expect(await screen.findByRole("heading", { name: "Unlock" })).toBeInTheDocument();
    expect(backend.unlocked).toBe(false);
  });
});

describe("ambassadors", () => {
  it("searches by skill, language and region as you type", async () => {
    const user = await unlock();
    const search = screen.getByLabelText("Search");
    await user.type(search, "tigrinya");
    await waitFor(() =>
      expect(screen.getByTestId("ambassador-count")).toHaveTextContent(/^2 of 30$/),
    );
    for (const row of screen.getAllByTestId("ambassador-row")) {
      expect(row).toHaveTextContent("tigrinya");
    }
    await user.clear(search);
    await user.type(search, "nobody-has-this");
    expect(await screen.findByText("Nobody matches. Try fewer words.")).toBeInTheDocument();
  });

  it("adds someone with skills and languages, then edits them", async () => {
    const user = await unlock();
    await user.click(screen.getByTestId("add-ambassador"));
    const form = screen.getByTestId("profile-editor");
    await user.type(within(form).getByLabelText("Name to use"), "Selam");
    await user.type(within(form).getByLabelText("Region"), "Leeds");
    await user.click(within(form).getByTestId("add-language"));
    await user.type(within(form).getByTestId("language-name"), "Tigrinya");
    await user.selectOptions(within(form).getByTestId("language-level"), "native");
    await user.type(within(form).getByLabelText("Skills"), "Public speaking{Enter}mentoring{Enter}");
    await user.click(within(form).getByLabelText("Must not be paid"));
    await user.click(within(form).getByTestId("save-profile"));

    const view = await screen.findByTestId("profile-view");
    expect(within(view).getByRole("heading", { name: "Selam" })).toBeInTheDocument();
    expect(within(view).getByTestId("profile-skills")).toHaveTextContent("public speaking, mentoring");
    expect(within(view).getByTestId("profile-languages")).toHaveTextContent("Tigrinya (Native)");
    expect(within(view).getByText("Must not be paid")).toBeInTheDocument();

    await user.click(within(view).getByTestId("edit-profile"));
    const edit = screen.getByTestId("profile-editor");
    const name = within(edit).getByLabelText("Name to use");
    await user.clear(name);
    await user.type(name, "Selam H.");
    await user.click(within(edit).getByRole("button", { name: "Remove mentoring" }));
    await user.click(within(edit).getByTestId("save-profile"));
    const after = await screen.findByTestId("profile-view");
    expect(within(after).getByRole("heading", { name: "Selam H." })).toBeInTheDocument();
    expect(within(after).getByTestId("profile-skills")).toHaveTextContent(/^public speaking$/);
  });

  it("lists a profile's values as the reader's language does: Latin commas in English, Arabic ones in Farsi and Arabic", async () => {
    const user = await unlock();
    await user.type(screen.getByLabelText("Search"), "李伟");
    await waitFor(() => expect(screen.getAllByTestId("ambassador-row")).toHaveLength(1));
    await user.click(screen.getByTestId("ambassador-row"));
    const view = await screen.findByTestId("profile-view");
    expect(within(view).getByTestId("profile-skills")).toHaveTextContent(/^facilitation, social media, training delivery$/);
    expect(within(view).getByTestId("profile-languages")).toHaveTextContent(/^Amharic \(Native\), English \(Conversational\)$/);

    setLocale("fa");
    await waitFor(() =>
      expect(within(view).getByTestId("profile-skills").textContent).toBe("facilitation، social media، training delivery"),
    );
    expect(within(view).getByTestId("profile-languages").textContent?.trim()).toBe("امهری (زبان مادری)، انگلیسی (گفت‌وگو)");
    expect(within(view).getByText("نگه داشتن نمایه، تماس دربارهٔ فرصت‌ها، رسانه و سخنرانی عمومی")).toBeInTheDocument();
    expect(screen.getByTestId("ambassador-row")).toHaveTextContent("facilitation، social media، training delivery");

    setLocale("ar");
    await waitFor(() =>
      expect(within(view).getByTestId("profile-skills").textContent).toBe("facilitation، social media، training delivery"),
    );
    expect(within(view).getByTestId("profile-languages").textContent?.trim()).toBe("الأمهرية (لغة أم)، الإنجليزية (محادثة)");
    expect(within(view).getByTestId("profile-skills").textContent).not.toContain(",");
  });

  it("shows the core's message when a form is refused", async () => {
    const user = await unlock();
    await user.click(screen.getByTestId("add-ambassador"));
    const form = screen.getByTestId("profile-editor");
    await user.type(within(form).getByLabelText("Name to use"), "Dawit");
    await user.type(within(form).getByLabelText("Region"), "Wales");
    const joined = within(form).getByLabelText("Joined");
    await user.clear(joined);
    await user.type(joined, "31/12/2025");
    await fireEvent.submit(form);
    expect(await within(form).findByRole("alert")).toHaveTextContent("YYYY-MM-DD");
  });

  it("moves through the list with the keyboard and opens with Enter", async () => {
    const user = await unlock();
    const list = screen.getByRole("listbox", { name: "Ambassadors found" });
    list.focus();
    await user.keyboard("{ArrowDown}{ArrowDown}");
    expect(list).toHaveAttribute("aria-activedescendant", "amb-option-2");
    await user.keyboard("{Enter}");
    expect(await screen.findByTestId("profile-view")).toBeInTheDocument();
  });
});

describe("navigation", () => {
  it("goes back to a screen's list when its item is chosen again", async () => {
    const user = await unlock();
    await user.click(screen.getByTestId("nav-projects"));
    const title = [...backend.projects.values()][0].project.title;
    await user.click(await screen.findByRole("button", { name: title }));
    expect(await screen.findByRole("button", { name: /All projects/ })).toBeInTheDocument();
    await user.click(screen.getByTestId("nav-projects"));
    expect(await screen.findByRole("button", { name: title })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /All projects/ })).not.toBeInTheDocument();
  });
});

describe("recognition", () => {
  async function openRecognitionFor(name: string, user: ReturnType<typeof userEvent.setup>) {
    await user.click(screen.getByTestId("nav-recognition"));
    await user.type(screen.getByRole("combobox", { name: "Ambassador" }), name);
    await user.keyboard("{Enter}");
    return screen.findByTestId("recognition-form");
  }

  it("asks to confirm a check for check-first before Save, then logs", async () => {
    const user = await unlock();
    // Aisha's profile says to check first.
    const form = await openRecognitionFor("Aisha", user);
    const kind = within(form).getByLabelText("Kind");
    await waitFor(() => expect(within(kind).getByRole("option", { name: "Voucher (check first)" })).toBeInTheDocument());
    await user.selectOptions(kind, "voucher");
    await user.type(within(form).getByLabelText("Amount (£)"), "10");
    const check = within(form).getByTestId("recognition-check-policy");
    expect(check).toHaveTextContent("cash value");
    const submit = within(form).getByRole("button", { name: "Log recognition" });
    expect(submit).toBeDisabled();
    await user.click(within(check).getByLabelText("I have checked that they may receive this"));
    await user.click(submit);
    expect(await within(form).findByText("Logged.")).toBeInTheDocument();
  });

  it("never offers payment to someone who must not be paid, and says what to give instead", async () => {
    const user = await unlock();
    // Halima's profile says payment is not allowed.
    const form = await openRecognitionFor("Halima", user);
    const guidance = await within(form).findByTestId("recognition-policy-guidance");
    expect(guidance).toHaveTextContent("Payment");
    expect(guidance).toHaveTextContent("Offer instead: Certificate, Reference letter, Thanks, Meal, or Travel expenses.");
    const kind = within(form).getByLabelText("Kind");
    expect(within(kind).queryByRole("option", { name: /Payment/ })).toBeNull();
    expect(within(kind).getByRole("option", { name: "Travel expenses" })).toBeInTheDocument();
    expect(screen.getByText(/People seeking asylum usually cannot be paid/)).toBeInTheDocument();
  });
});

describe("languages", () => {
  it("switches to Arabic, right to left, from the unlock screen", async () => {
    const user = userEvent.setup();
    render(App);
    await user.selectOptions(await screen.findByLabelText("Language"), "ar");
    expect(document.documentElement.dir).toBe("rtl");
    expect(await screen.findByRole("heading", { name: "فتح القفل" })).toBeInTheDocument();
    expect(backend.settings.language).toBe("ar");
  });
});
