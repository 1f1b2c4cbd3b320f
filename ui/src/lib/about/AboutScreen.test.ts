import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { useBackend } from "../api";
import { MockBackend } from "../api/mock";
import { setLocale } from "../i18n/i18n.svelte";
import AboutScreen from "./AboutScreen.svelte";

beforeEach(() => {
  useBackend(new MockBackend());
  setLocale("en");
});

describe("the About screen", () => {
  it("shows the version, the build date and every bundled component with its licence", async () => {
    render(AboutScreen);
    expect(await screen.findByTestId("about-version")).toHaveTextContent("0.1.0");
    expect(screen.getByText("2026-12-03")).toBeInTheDocument();
    expect(screen.getByText("AGPL-3.0-or-later")).toBeInTheDocument();
    const table = screen.getByRole("table");
    expect(within(table).getAllByRole("row")).toHaveLength(1 + 4);
    const svelte = within(table).getByText("svelte").closest("tr");
    expect(svelte).toHaveTextContent("MIT");
    expect(svelte).toHaveTextContent("JavaScript package");
    expect(screen.getByText(/2 Rust libraries, 1 JavaScript packages and 1 fonts/)).toBeInTheDocument();
  });

  it("finds components by name or licence", async () => {
    const user = userEvent.setup();
    render(AboutScreen);
    await screen.findByTestId("about-version");
    await user.type(screen.getByLabelText("Find a component or licence"), "ofl");
    const rows = within(screen.getByRole("table")).getAllByRole("row");
    expect(rows).toHaveLength(2);
    expect(rows[1]).toHaveTextContent("Noto Naskh Arabic");
    expect(screen.getByText("1 shown")).toBeInTheDocument();
  });

  it("speaks Arabic", async () => {
    setLocale("ar");
    render(AboutScreen);
    expect(await screen.findByRole("heading", { level: 1 })).toHaveTextContent("حول هذا التطبيق");
    expect(screen.getAllByText("حزمة JavaScript")).toHaveLength(1);
  });
});
