import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import type { MockBackend } from "../api/mock";
import { unlockedMock } from "../api/unlockedMock";
import { setLocale } from "../i18n/i18n.svelte";
import { session } from "../session/session.svelte";
import ReportsScreen from "./ReportsScreen.svelte";

// The mock hands back the core's own reports of the hand-counted network in
// crates/core/src/reports/fixture.rs (ui/src/lib/reports/fixture.json).
beforeEach(async () => {
  await unlockedMock();
});

describe("reports screen", () => {
  it("shows hours with a chart and a table of every figure", async () => {
    render(ReportsScreen);
    expect(await screen.findByTestId("report-headline")).toHaveTextContent(
      "5 hours given by 3 people in 4 contributions.",
    );
    const byStream = screen.getByRole("region", { name: "Hours by kind of work" });
    expect(within(byStream).getByRole("img")).toHaveAccessibleName(
      "Bar chart of Hours by kind of work: Hours for 2 rows; the table below has every figure.",
    );
    const rows = within(byStream).getAllByRole("row");
    expect(rows.map((r) => r.textContent)).toEqual(["Kind of workHoursPeople", "Schools42", "Media11"]);
  });

  it("switches report and keeps expenses apart from other spend", async () => {
    const user = userEvent.setup();
    render(ReportsScreen);
    await user.click(await screen.findByRole("radio", { name: "Recognition" }));
    expect(await screen.findByText("Expenses reimbursed: £14.90. Other spend: £50.00.")).toBeInTheDocument();
    const byKind = screen.getByRole("region", { name: "Recognition by kind" });
    expect(within(byKind).getByRole("rowheader", { name: "Travel expenses" })).toBeInTheDocument();
  });

  it("names who has not been offered anything, in Arabic too", async () => {
    const user = userEvent.setup();
    setLocale("ar");
    render(ReportsScreen);
    await user.click(await screen.findByRole("radio", { name: "المشاركة" }));
    const quiet = await screen.findByRole("region", { name: "لم يُعرض عليهم شيء مؤخرًا" });
    expect(within(quiet).getByRole("rowheader", { name: "Dawit" })).toBeInTheDocument();
    expect(within(quiet).getByText("أبدًا")).toBeInTheDocument();
  });

  it("shows pathways over time with a column per role, and first-timers against the network", async () => {
    const user = userEvent.setup();
    render(ReportsScreen);
    await user.click(await screen.findByRole("radio", { name: "Pathways" }));
    expect(await screen.findByText("Roles taken on: 4 (people: 3). Held at the end: 2.")).toBeInTheDocument();
    const byRole = screen.getByRole("region", { name: "Roles by kind" });
    expect(within(byRole).getByRole("img")).toHaveAccessibleName(
      "Bar chart of Roles by kind: Roles taken on for 6 rows; the table below has every figure.",
    );
    expect(within(byRole).getByRole("row", { name: /Trustee/ }).textContent).toBe("Trustee111");
    const byMonth = screen.getByRole("region", { name: "Roles taken on, by month" });
    expect(within(byMonth).getByRole("columnheader", { name: "Steering group" })).toBeInTheDocument();

    await user.click(screen.getByRole("radio", { name: "Participation" }));
    const experience = await screen.findByRole("region", { name: "Offers to first-timers, against the network" });
    expect(within(experience).getByRole("rowheader", { name: "Not offered anything before" })).toBeInTheDocument();
  });
});
