import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import type { MockBackend } from "../api/mock";
import { unlockedMock } from "../api/unlockedMock";
import { setLocale } from "../i18n/i18n.svelte";
import { session } from "../session/session.svelte";
import ImportScreen from "./ImportScreen.svelte";
import { firstUnreadField, mappingOf, repeatedFields, withDefault } from "./importing";

// The mock hands back the core's own preview, dry run and import of a small
// file (ui/src/lib/import/fixture.json, written by a Rust test).
let backend: MockBackend;
beforeEach(async () => {
  backend = await unlockedMock((b) => {
    b.nextPath = "/home/coordinator/ambassadors.csv";
  });
});

describe("import screen", () => {
  it("maps columns, reports rejected rows and duplicates, and imports only when confirmed", async () => {
    const user = userEvent.setup();
    render(ImportScreen);
    await user.click(screen.getByTestId("import-choose"));
    const mapping = await screen.findByTestId("import-mapping");
    expect(within(mapping).getByText("The file has 4 rows.", { exact: false })).toBeInTheDocument();
    // The core's guess: "First name" is the first name, "Shoe size" is ignored.
    expect(within(mapping).getByRole("combobox", { name: "Read column “First name” as" })).toHaveValue("first-name");
    const shoe = within(mapping).getByRole("combobox", { name: "Read column “Shoe size” as" });
    expect(shoe).toHaveValue("ignore");
    await user.selectOptions(shoe, "notes");

    await user.click(screen.getByTestId("import-check"));
    const report = await screen.findByTestId("import-report");
    expect(within(report).getByText("2 new people")).toBeInTheDocument();
    const rejected = within(report).getByTestId("import-rejected");
    expect(rejected).toHaveTextContent(
      "Row 3: Date joined: “31/02/2023” is not a day that exists (dates are read day first: 14/03/2023). “Maybe” is not a payment answer; write yes, no or check first.",
    );
    expect(within(report).getByTestId("import-duplicates")).toHaveTextContent("Row 5 is the same as row 2 (the same email).");
    expect(backend.imports.at(-1)).toMatchObject({ dryRun: true, mapping: { "Shoe size": "notes", "First name": "first-name" } });

    // All or nothing until the coordinator ticks "valid rows only".
    const confirm = within(report).getByTestId("import-confirm");
    expect(confirm).toBeDisabled();
    await user.click(within(report).getByTestId("import-skip-invalid"));
    await user.click(confirm);
    const done = await screen.findByTestId("import-done");
    expect(done).toHaveTextContent("2 new people");
    expect(done).toHaveTextContent("1 row was left out.");
    expect(backend.imports.at(-1)).toMatchObject({ dryRun: false, skipInvalid: true });
  }, 30_000);

  it("fills a field the file lacks for every row, as the CLI's --default does", async () => {
    const user = userEvent.setup();
    render(ImportScreen);
    await user.click(screen.getByTestId("import-choose"));
    const mapping = await screen.findByTestId("import-mapping");
    await user.selectOptions(within(mapping).getByRole("combobox", { name: "Read column “Region” as" }), "ignore");
    // The field offered first is one no column is read as.
    expect(screen.getByTestId("import-default-field")).toHaveValue("name");
    await user.selectOptions(screen.getByTestId("import-default-field"), "region");
    expect(screen.getByTestId("import-default-add")).toBeDisabled();
    await user.type(screen.getByTestId("import-default-value"), "  Yorkshire ");
    await user.click(screen.getByTestId("import-default-add"));
    expect(screen.getByTestId("import-defaults")).toHaveTextContent("Region: Yorkshire");
    expect(screen.getByTestId("import-default-value")).toHaveValue("");

    await user.click(screen.getByTestId("import-check"));
    await screen.findByTestId("import-report");
    expect(backend.imports.at(-1)).toMatchObject({ dryRun: true, defaults: { region: "Yorkshire" }, mapping: { Region: "ignore" } });

    // Taken out again, it is no longer sent, and the check is to be done again.
    await user.click(screen.getByRole("button", { name: "Remove the value for Region" }));
    expect(screen.queryByTestId("import-defaults")).toBeNull();
    expect(screen.queryByTestId("import-report")).toBeNull();
    await user.click(screen.getByTestId("import-check"));
    await screen.findByTestId("import-report");
    expect(backend.imports.at(-1)?.defaults).toEqual({});
  }, 30_000);

  it("words the report in Arabic from the codes", async () => {
    const user = userEvent.setup();
    setLocale("ar");
    render(ImportScreen);
    await user.click(screen.getByTestId("import-choose"));
    await user.click(await screen.findByTestId("import-check"));
    const rejected = await screen.findByTestId("import-rejected");
    expect(rejected).toHaveTextContent("«Maybe» ليس جوابًا عن الدفع");
    expect(rejected).toHaveTextContent("تاريخ الانضمام: «31/02/2023» ليس يومًا موجودًا");
  });

  it("says so in one sentence when the file cannot be read, and stays on the first step", async () => {
    const user = userEvent.setup();
    backend.nextPath = "/home/coordinator/holiday.jpg";
    render(ImportScreen);
    await user.click(screen.getByTestId("import-choose"));
    expect(await screen.findByTestId("import-error")).toHaveTextContent("could not be read");
    expect(screen.queryByTestId("import-mapping")).toBeNull();
    expect(backend.imports).toEqual([]);
  });
});

describe("filling in", () => {
  it("trims the value, and an empty value takes the field out", () => {
    expect(withDefault({}, "region", " Yorkshire ")).toEqual({ region: "Yorkshire" });
    expect(withDefault({ region: "Yorkshire", group: "Leeds" }, "region", "  ")).toEqual({ group: "Leeds" });
    expect(firstUnreadField(["name", "region", "group"], ["name", "ignore"])).toBe("region");
    expect(firstUnreadField(["name"], ["name"])).toBe("name");
  });
});

describe("mapping", () => {
  it("names every column, ignored ones too, and finds a field chosen twice", () => {
    expect(mappingOf(["Name", "Mobile", " "], ["name", "ignore", "phone"])).toEqual({ Name: "name", Mobile: "ignore" });
    expect(repeatedFields(["name", "phone", "name", "ignore", "ignore"])).toEqual(["name"]);
  });
});
