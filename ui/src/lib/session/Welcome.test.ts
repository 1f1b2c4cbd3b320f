import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { useBackend } from "../api";
import { MockBackend } from "../api/mock";
import { setLocale, t } from "../i18n/i18n.svelte";
import { session } from "./session.svelte";
import Welcome from "./Welcome.svelte";

let backend: MockBackend;

beforeEach(async () => {
  backend = new MockBackend({ empty: true });
  backend.nextPath = "/media/usb/leeds.invite";
  useBackend(backend);
  setLocale("en");
  await session.refresh();
});

describe("first run: joining a network", () => {
  it("asks for the invite, its code and this laptop's name, and joins with them", async () => {
    const user = userEvent.setup();
    render(Welcome);
    await user.click(screen.getByTestId("mode-join"));
    await user.click(screen.getByRole("button", { name: "Choose the invite file…" }));
    expect(screen.getByTestId("join-file")).toHaveTextContent("/media/usb/leeds.invite");
    await user.type(screen.getByLabelText("One-time code"), "ABCD-EFGH");
    await user.type(screen.getByLabelText("This laptop's name"), "Bradford laptop");
    await user.type(screen.getByLabelText("Passphrase"), "a long passphrase of words");
    await user.type(screen.getByLabelText("Passphrase again"), "a long passphrase of words");
    await user.click(screen.getByRole("button", { name: "Join the network" }));
    await vi.waitFor(() => expect(backend.unlocked).toBe(true));
    expect(backend.written).toEqual(["/media/usb/leeds.invite"]);
  });

  it("says a wrong code in the reader's language, with no English sentence after it", async () => {
    const user = userEvent.setup();
    setLocale("fr");
    render(Welcome);
    await user.click(screen.getByTestId("mode-join"));
    await user.click(screen.getByRole("button", { name: t("welcome.chooseInvite") }));
    await user.type(screen.getByLabelText(t("welcome.code")), "WXYZ-0000");
    await user.type(screen.getByLabelText(t("welcome.deviceName")), "Bradford");
    await user.type(screen.getByLabelText(t("welcome.passphrase")), "a long passphrase of words");
    await user.type(screen.getByLabelText(t("welcome.confirm")), "a long passphrase of words");
    await user.click(screen.getByRole("button", { name: t("welcome.joinSubmit") }));
    expect(await screen.findByRole("alert")).toHaveTextContent(/^Le code d’invitation n’est pas le bon\.$/);
    expect(backend.unlocked).toBe(false);
  });
});
