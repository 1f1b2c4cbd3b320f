import { render, screen } from "@testing-library/svelte";
import { tick } from "svelte";
import { beforeEach, describe, expect, it } from "vitest";
import type { MockBackend } from "../api/mock";
import { unlockedMock } from "../api/unlockedMock";
import { setLocale, t, type MessageKey } from "../i18n/i18n.svelte";
import { session } from "../session/session.svelte";
import ProjectPageView from "./ProjectPageView.svelte";

let backend: MockBackend;

beforeEach(async () => {
  backend = await unlockedMock();
});

/** The value the project page gives for the fact labelled `label`, in the current language. */
function fact(label: MessageKey): string | null | undefined {
  return screen.getByText(t(label), { selector: "dt" }).nextElementSibling?.textContent;
}

describe("project page", () => {
  // The GP access focus group: remote and in person in the South East, two
  // skills welcome, five kinds of recognition, no language or training asked.
  async function showGpFocusGroup() {
    const page = await backend.getProject(backend.projectTitled("GP access focus group").project.id);
    render(ProjectPageView, { page, onedit: () => {} });
  }

  it("lists its values with a Latin comma in English and a dash when there are none", async () => {
    await showGpFocusGroup();
    expect(fact("projects.mode")).toBe("Remote, In person · South East");
    expect(fact("projects.desiredSkills")).toBe("research, translation");
    expect(fact("projects.recognition")).toBe("Certificate, Meal, Thanks, Travel expenses, Voucher");
    expect(fact("projects.languages")).toBe("—");
    expect(fact("projects.requiredTraining")).toBe("—");
  });

  it("lists its values with the Arabic comma in Farsi and Arabic, never a Latin one", async () => {
    setLocale("fa");
    await showGpFocusGroup();
    expect(fact("projects.mode")).toBe("از راه دور، حضوری · South East");
    expect(fact("projects.desiredSkills")).toBe("research، translation");
    expect(fact("projects.recognition")).toBe("گواهی، غذا، سپاس، هزینهٔ رفت‌وآمد، کوپن خرید");
    expect(fact("projects.languages")).toBe("—");

    setLocale("ar");
    await tick();
    expect(fact("projects.recognition")).toBe("شهادة، وجبة، شكر، نفقات السفر، قسيمة");
    for (const label of ["projects.mode", "projects.desiredSkills", "projects.recognition"] as const) {
      expect(fact(label), label).not.toContain(",");
    }
  });

  it("names the languages it asks for in the reader's language, not as stored", async () => {
    const page = await backend.getProject(backend.projectTitled("Advisory Group seat at trustee meeting").project.id);
    render(ProjectPageView, { page, onedit: () => {} });
    expect(fact("projects.languages")).toBe("Tigrinya");
    setLocale("ar");
    await tick();
    expect(fact("projects.languages")).toBe(t("language.tigrinya"));
    expect(fact("projects.languages")).not.toMatch(/[A-Za-z]/);
  });
});
