import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import type { MockBackend } from "../api/mock";
import { unlockedMock } from "../api/unlockedMock";
import type { Team } from "../bindings/Team";
import { setLocale } from "../i18n/i18n.svelte";
import { session } from "../session/session.svelte";
import { kindList } from "../recognition/recognition";
import { canInvite, stillToInvite } from "./matching";
import MatchingPanel from "./MatchingPanel.svelte";

let backend: MockBackend;
/** The GP access focus group: three places, "training delivery" needed, a voucher offered. */
let projectId: string;
/** The Advisory Group's seat at the trustee meeting, which has a rota. */
let seatId: string;
const id = (name: string) => backend.personNamed(name).profile.id;

beforeEach(async () => {
  backend = await unlockedMock();
  projectId = backend.projectTitled("GP access focus group").project.id;
  seatId = backend.projectTitled("Advisory Group seat at trustee meeting").project.id;
});

async function panel(project = projectId) {
  const view = render(MatchingPanel, { projectId: project });
  await screen.findByTestId("matching-summary");
  return view;
}

function candidate(name: string): HTMLElement {
  const item = screen.getAllByTestId("candidate").find((c) => within(c).queryByText(name));
  if (!item) throw new Error(`no candidate ${name}`);
  return item;
}

describe("matching panel", () => {
  it("ranks candidates with every factor's points and reason", async () => {
    await panel();
    expect(screen.getByTestId("matching-summary")).toHaveTextContent("20 people can take part and 10 cannot yet");
    const first = screen.getAllByTestId("candidate")[0];
    // The core ranks محمد first: the required skill, and a fair share.
    expect(first).toHaveTextContent("محمد");
    const table = within(first).getByRole("table", { name: /Why محمد scores 63 points/ });
    const rows = within(table).getAllByRole("row").slice(1) as HTMLTableRowElement[];
    expect(rows).toHaveLength(backend.matches[projectId].ranked[0].factors.length);
    expect(within(table).getByRole("rowheader", { name: "Skills needed" })).toBeInTheDocument();
    expect(table).toHaveTextContent("40 of 40");
    expect(table).toHaveTextContent("has every required skill (training delivery)");
    expect(table).toHaveTextContent("does not apply");
    const total = Number(within(first).getByTestId("candidate-total").textContent?.match(/\d+/)?.[0]);
    const points = rows.map((r) => Number(r.cells[1].textContent?.match(/^\d+/)?.[0] ?? 0));
    expect(points.reduce((a, b) => a + b, 0)).toBe(total);
  });

  it("keeps the not-eligible people folded away, with their reasons and next step", async () => {
    await panel();
    const details = screen.getByTestId("not-eligible");
    expect(details).not.toHaveAttribute("open");
    expect(within(details).getByText("Not eligible (10)")).toBeInTheDocument();
    expect(details).toHaveTextContent("Blerina");
    expect(details).toHaveTextContent("their status is Paused");
    expect(details).toHaveTextContent("Next step: set their status to active when they want to take part again");
  });

  it("words the reasons in the reader's language, from their codes", async () => {
    setLocale("fa");
    await panel();
    const first = screen.getAllByTestId("candidate")[0];
    // The skill is text as typed; the sentence around it is Farsi.
    expect(first).toHaveTextContent("همهٔ مهارت‌های لازم را دارد (training delivery)");
    expect(first).not.toHaveTextContent("has every required skill");
    const details = screen.getByTestId("not-eligible");
    expect(details).toHaveTextContent("وضعیت او: موقتاً متوقف");
    setLocale("ar");
    await panel();
    expect(screen.getAllByTestId("not-eligible").at(-1)).toHaveTextContent("الخطوة التالية: غيّر حالته إلى نشط عندما يريد المشاركة من جديد");
  });

  it("invites one candidate and lists the invitation as invited", async () => {
    const user = userEvent.setup();
    await panel();
    expect(screen.getByText("Nobody has been shortlisted or invited yet.")).toBeInTheDocument();
    await user.click(within(candidate("Lina")).getByRole("button", { name: "Invite Lina" }));
    expect(await screen.findByTestId("matching-message")).toHaveTextContent("Lina: Invited.");
    const row = within(screen.getByTestId("invitations")).getByRole("row", { name: /Lina/ });
    expect(within(row).getByTestId("invitation-status")).toHaveTextContent("Invited");
    expect(within(candidate("Lina")).queryByRole("button", { name: "Invite Lina" })).toBeNull();
    expect(within(candidate("Lina")).getByTestId("candidate-status")).toHaveTextContent("Invited");
  });

  it("suggests a team for the places, says what it covers and lacks, and invites it", async () => {
    const user = userEvent.setup();
    await panel();
    const team = screen.getByTestId("team");
    expect(within(team).getAllByTestId("team-member")).toHaveLength(3);
    expect(within(team).getByTestId("team-covers")).toHaveTextContent("training delivery");
    expect(within(team).getByTestId("team-lacks")).toHaveTextContent("nothing");

    const places = within(team).getByLabelText("Places to fill");
    await user.clear(places);
    await user.type(places, "2");
    places.blur();
    await waitFor(() => expect(within(screen.getByTestId("team")).getAllByTestId("team-member")).toHaveLength(2));

    await user.click(screen.getByRole("button", { name: "Invite the team (2)" }));
    expect(await screen.findByTestId("matching-message")).toHaveTextContent("Invited: 2.");
    expect(within(screen.getByTestId("invitations")).getAllByTestId("invitation-row")).toHaveLength(2);
    expect(screen.getByText("Everyone in this team has been asked.")).toBeInTheDocument();
  });

  it("moves an invitation on, asking for the hours when they attended", async () => {
    const user = userEvent.setup();
    await panel();
    await user.click(within(candidate("Lina")).getByRole("button", { name: "Invite Lina" }));
    await user.click(await screen.findByRole("button", { name: "Accepted: Lina" }));
    await user.click(await screen.findByRole("button", { name: "Attended…: Lina" }));
    const hours = screen.getByLabelText("Hours Lina gave");
    expect(hours).toHaveFocus();
    await user.type(hours, "2.5");
    await user.click(screen.getByRole("button", { name: "Record attendance" }));
    const row = within(screen.getByTestId("invitations")).getByRole("row", { name: /Lina/ });
    await waitFor(() => expect(within(row).getByTestId("invitation-status")).toHaveTextContent("Attended"));
    expect(row).toHaveTextContent("2.5 h");
    expect(row).toHaveTextContent("Final");
  });

  it("shows why an invitation cannot be made", async () => {
    const user = userEvent.setup();
    // A list drawn up before Blerina was paused still ranks her; the core refuses.
    const view = backend.matches[projectId];
    view.ranked.unshift({ ...structuredClone(view.ranked[2]), ambassador_id: id("Blerina"), display_name: "Blerina" });
    await panel();
    await user.click(within(candidate("Blerina")).getByRole("button", { name: "Invite Blerina" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Blerina cannot take part yet: their status is Paused");
  });

  it("words the core's refusal in the reader's language", async () => {
    const user = userEvent.setup();
    const view = backend.matches[projectId];
    view.ranked.unshift({ ...structuredClone(view.ranked[2]), ambassador_id: id("Blerina"), display_name: "Blerina" });
    setLocale("ar");
    await panel();
    await user.click(within(candidate("Blerina")).getAllByRole("button")[0]);
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("لا يمكن لـBlerina المشاركة بعد: حالته: متوقف مؤقتاً");
    expect(alert).not.toHaveTextContent("cannot take part");
  });

  it("tells the coordinator what not to offer someone who may not be paid", async () => {
    await panel();
    // محمد may not be paid, زهراء needs checking first; the project offers a voucher.
    expect(candidate("محمد")).toHaveTextContent("May not be paid: do not offer Voucher.");
    expect(candidate("زهراء")).toHaveTextContent("Check first whether they may receive Voucher.");
    expect(candidate("Lina")).not.toHaveTextContent("Voucher");
  });

  it("shows more candidates on request", async () => {
    const user = userEvent.setup();
    await panel();
    expect(screen.getAllByTestId("candidate")).toHaveLength(10);
    await user.click(screen.getByRole("button", { name: /Show more \(showing 10 of 20\)/ }));
    await waitFor(() => expect(screen.getAllByTestId("candidate")).toHaveLength(20));
  });

  it("offers the rota of a recurring seat, and wants a reason to override it", async () => {
    const user = userEvent.setup();
    await panel(seatId);
    const rota = await screen.findByTestId("rota");
    // On this Thursday the core suggests ተስፋይ; زهراء can come too.
    await fireEvent.input(within(rota).getByLabelText("Meeting date"), { target: { value: "2026-06-18" } });
    await user.click(within(rota).getByRole("button", { name: "Whose turn?" }));
    const order = await within(rota).findByTestId("rota-order");
    expect(within(order).getAllByRole("listitem")[0]).toHaveTextContent(/ተስፋይ\s*Suggested/);
    await user.click(within(rota).getByRole("checkbox", { name: "زهراء" }));
    await user.click(within(rota).getByRole("button", { name: "Record with this reason" }));
    expect(await within(rota).findByRole("alert")).toHaveTextContent("needs a reason");
    await user.click(within(rota).getByRole("button", { name: "Give the seat to the suggestion" }));
    expect(await within(rota).findByRole("status")).toHaveTextContent("Recorded for \u20662026-06-18\u2069: ተስፋይ.");
  });
});

describe("setting up a rota", () => {
  it("starts one from nothing, adds and takes off members, and changes the seats", async () => {
    const user = userEvent.setup();
    await panel();
    const rota = await screen.findByTestId("rota");
    await user.click(within(rota).getByText("Set up a rota for this recurring seat"));
    const add = async (name: string) => {
      await user.type(within(rota).getByRole("combobox", { name: "Add a member to the rota" }), name);
      await waitFor(() => expect(within(rota).getByRole("option")).toBeInTheDocument());
      await user.keyboard("{Enter}");
      expect(await within(rota).findByRole("status")).toHaveTextContent(`${name} is on the rota.`);
    };
    await add("Lina");
    await add("Mustafa");
    const members = () => backend.rotas.get(projectId)!.members.map((m) => m.ambassador_id);
    expect(members()).toEqual([id("Lina"), id("Mustafa")]);
    expect(within(rota).getByRole("heading", { name: "Rota for the recurring seat" })).toBeInTheDocument();

    await user.click(within(rota).getByRole("button", { name: "Remove Lina from the rota" }));
    expect(await within(rota).findByRole("status")).toHaveTextContent("Lina is off the rota.");
    expect(members()).toEqual([id("Mustafa")]);

    const seats = within(rota).getByLabelText("Seats per meeting");
    await user.clear(seats);
    await user.type(seats, "2");
    await user.click(within(rota).getByRole("button", { name: "Save" }));
    await waitFor(() => expect(backend.rotas.get(projectId)!.seats).toBe(2));
    expect(within(rota).getByText(/Seats per meeting: 2\./)).toBeInTheDocument();
  });
});

describe("matching logic", () => {
  it("invites only who the lifecycle allows", () => {
    expect(canInvite(null)).toBe(true);
    expect(canInvite("shortlisted")).toBe(true);
    expect(canInvite("declined")).toBe(true);
    expect(canInvite("invited")).toBe(false);
    expect(canInvite("attended")).toBe(false);
  });

  it("asks only the team members not yet asked", () => {
    const member = (id: string, invitation: Team["members"][number]["invitation"]) => ({ ambassador_id: id, display_name: id, region: "", total: 0, first_timer: false, invitation, why: [] });
    const team = { members: [member("a", null), member("b", "invited"), member("c", "shortlisted"), member("d", "accepted")] } as unknown as Team;
    expect(stillToInvite(team).map((m) => m.ambassador_id)).toEqual(["a", "c"]);
  });

  it("names recognition kinds as choices, 'or' before the last, in the reader's language", () => {
    expect(kindList(["voucher"])).toBe("Voucher");
    expect(kindList(["payment", "voucher"])).toBe("Payment or Voucher");
    expect(kindList(["certificate", "meal", "thanks"])).toBe("Certificate, Meal, or Thanks");
    setLocale("fa");
    expect(kindList(["payment", "voucher"])).toBe("پرداخت یا کوپن خرید");
    setLocale("en");
  });

  it("says what the team still lacks as the reader's language lists it", async () => {
    // The seat's team lacks the skill "facilitation" and the language Tigrinya.
    await panel(seatId);
    expect(within(screen.getByTestId("team")).getByTestId("team-lacks").textContent).toBe("facilitation, Tigrinya");
    expect(within(screen.getByTestId("team")).getByTestId("team-covers").textContent).toBe("nothing");
    setLocale("fa");
    await waitFor(() =>
      expect(within(screen.getByTestId("team")).getByTestId("team-lacks").textContent).toBe("facilitation، تیگرینیا"),
    );
    expect(within(screen.getByTestId("team")).getByTestId("team-covers").textContent).toBe("هیچ");
  });
});
