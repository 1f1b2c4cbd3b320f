import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import App from "../../App.svelte";
import type { MockBackend } from "../api/mock";
import { unlockedMock } from "../api/unlockedMock";
import { session } from "../session/session.svelte";
import ProfileView from "../ambassadors/ProfileView.svelte";
import ProjectPageView from "./ProjectPageView.svelte";

let backend: MockBackend;

beforeEach(async () => {
  backend = await unlockedMock();
});

describe("you said, we did", () => {
  it("records an outcome on the project page and refuses one without a name", async () => {
    const user = userEvent.setup();
    const id = backend.projectTitled("GP access focus group").project.id;
    let page = await backend.getProject(id);
    const view = render(ProjectPageView, { page, onedit: () => {}, onchanged: async () => view.rerender({ page: (page = await backend.getProject(id)) }) });
    const panel = screen.getByTestId("outcomes");
    expect(within(panel).getByText("No outcomes recorded yet.")).toBeInTheDocument();
    await user.click(within(panel).getByTestId("outcome-add"));
    await user.type(within(panel).getByLabelText("What changed"), "Shorter forms, as you asked");
    await user.type(within(panel).getByLabelText("Recorded by"), " ");
    await user.click(within(panel).getByTestId("outcome-save"));
    expect(await within(panel).findByRole("alert")).toHaveTextContent("Recorded by: must not be empty");
    await user.clear(within(panel).getByLabelText("Recorded by"));
    await user.type(within(panel).getByLabelText("Recorded by"), "Sam");
    await user.clear(within(panel).getByLabelText("Date"));
    await user.type(within(panel).getByLabelText("Date"), "2026-04-01");
    await user.click(within(panel).getByTestId("outcome-save"));
    expect(await within(screen.getByTestId("outcomes")).findByText("Shorter forms, as you asked")).toBeInTheDocument();
    expect(screen.getByText("2026-04-01, recorded by Sam")).toBeInTheDocument();
  }, 30_000);

  it("shows the outcome to someone who took part, in their self-view", async () => {
    // Karim took part in the radio interviews, which have an outcome.
    await session.enterSelfView(backend.personNamed("Karim").profile.id, "en");
    render(App);
    const outcomes = await screen.findByTestId("self-view-outcomes");
    expect(outcomes).toHaveTextContent("You said, we did");
    expect(outcomes).toHaveTextContent("We changed the interview guidance: questions come a week ahead");
  });

  it("adds a role to a person's pathway from their profile", async () => {
    const user = userEvent.setup();
    const id = backend.personNamed("Rahel").profile.id;
    let detail = await backend.getAmbassador(id);
    const onchanged = async (): Promise<void> => {
      detail = await backend.getAmbassador(id);
      await view.rerender({ detail });
    };
    const view = render(ProfileView, { detail, catalog: null, onedit: () => {}, onchanged, onerased: () => {} });
    const section = screen.getByTestId("pathways");
    expect(within(section).getByText("No roles recorded yet.")).toBeInTheDocument();
    await user.click(within(section).getByRole("button", { name: "Add role" }));
    await user.selectOptions(within(section).getByLabelText("Role"), "Trustee");
    await user.clear(within(section).getByLabelText("From"));
    await user.type(within(section).getByLabelText("From"), "2026-02-01");
    await user.click(within(section).getByRole("button", { name: "Save" }));
    expect(await within(screen.getByTestId("pathways")).findByRole("cell", { name: /Trustee/ })).toHaveTextContent("current");
  }, 30_000);

  it("ends a role a person holds, refusing a last day before it started", async () => {
    const user = userEvent.setup();
    const id = backend.personNamed("Rahel").profile.id;
    await backend.addPathway(id, { role: "trustee", from: "2026-02-01", to: null, note: null });
    let detail = await backend.getAmbassador(id);
    const onchanged = async (): Promise<void> => {
      detail = await backend.getAmbassador(id);
      await view.rerender({ detail });
    };
    const view = render(ProfileView, { detail, catalog: null, onedit: () => {}, onchanged, onerased: () => {} });
    const section = screen.getByTestId("pathways");
    await user.click(within(section).getByRole("button", { name: "End role: Trustee" }));
    const form = within(section).getByRole("form", { name: "End role: Trustee" });
    const lastDay = within(form).getByLabelText("Last day in the role");
    await user.clear(lastDay);
    await user.type(lastDay, "2026-01-15");
    await user.click(within(form).getByRole("button", { name: "Save" }));
    expect(await within(form).findByRole("alert")).toHaveTextContent("Until: 15 January 2026 is before 1 February 2026");
    expect((await backend.getAmbassador(id)).pathways[0].to).toBeNull();
    await user.clear(lastDay);
    await user.type(lastDay, "2026-03-31");
    await user.click(within(form).getByRole("button", { name: "Save" }));
    const row = await within(screen.getByTestId("pathways")).findByRole("row", { name: /Trustee/ });
    await waitFor(() => expect(row).toHaveTextContent("2026-03-31"));
    expect(row).not.toHaveTextContent("current");
    expect(within(screen.getByTestId("pathways")).queryByRole("button", { name: "End role: Trustee" })).toBeNull();
    expect(within(screen.getByTestId("pathways")).queryByRole("form", { name: "End role: Trustee" })).toBeNull();
  }, 30_000);
});
