import React from "react";
import ReactDOM from "react-dom";
import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import PlatformPeg from "matrix-react-sdk/src/PlatformPeg";
import type BasePlatform from "matrix-react-sdk/src/BasePlatform";
import type { IConfigOptions } from "matrix-react-sdk/src/IConfigOptions";

import { memoryStorage } from "../../test/helpers/configService";
import { ConfigStore } from "../config/configStore";
import { initAtriumI18n } from "../i18n/atriumI18n";
import { DISMISSED_NOTICES_KEY } from "./adminNotices";
import { mountNotices, NOTICES_CONTAINER_ID, noticesContainer } from "./mountNotices";
import { NoticeArea } from "./NoticeArea";

const withNotices = (notices: unknown): IConfigOptions =>
    ({ brand: "Acme", atrium: { notices } }) as unknown as IConfigOptions;

describe("NoticeArea", () => {
    let store: ConfigStore;
    let storage: Storage;

    beforeEach(async () => {
        await initAtriumI18n("en");
        store = new ConfigStore();
        storage = memoryStorage();
        jest.spyOn(console, "error").mockImplementation(() => {});
    });
    afterEach(() => jest.restoreAllMocks());

    const renderArea = (): ReturnType<typeof render> => render(<NoticeArea store={store} storage={storage} />);

    it("is an empty, labelled status region when all is well", () => {
        renderArea();
        const region = screen.getByRole("status", { name: "Notices" });
        expect(region).toBeEmptyDOMElement();
    });

    it("says the last saved settings are in use when the service cannot be reached", () => {
        store.update({
            fallback: {
                source: "last-good",
                reason: { kind: "network", message: "Failed to fetch" },
                savedAt: Date.UTC(2026, 10, 20),
            },
        });
        renderArea();
        expect(screen.getByRole("status")).toHaveTextContent(
            "Using the last saved settings: the settings service can't be reached.",
        );
    });

    it("says the default settings are in use when nothing was saved", () => {
        store.update({ fallback: { source: "bundled", reason: { kind: "timeout", timeoutMs: 3000 } } });
        renderArea();
        expect(screen.getByRole("status")).toHaveTextContent(
            "Using the default settings: the settings service can't be reached.",
        );
    });

    it("tells an invalid answer from an unreachable service", () => {
        store.update({ fallback: { source: "last-good", reason: { kind: "not-json" }, savedAt: 0 } });
        renderArea();
        expect(screen.getByRole("status")).toHaveTextContent("the settings service sent settings that are not valid.");
    });

    it.each([
        [{ kind: "timeout", timeoutMs: 3000 }, "The settings service did not answer within 3 s."],
        [{ kind: "http", status: 502 }, "The settings service answered HTTP 502."],
        [
            { kind: "schema", path: "/atrium/brand/colors/primary", message: "must match pattern" },
            "Schema error at /atrium/brand/colors/primary: must match pattern",
        ],
        [{ kind: "not-object" }, "The settings service's answer is not a JSON object."],
    ] as const)("shows why (%j) behind a Details disclosure that works from the keyboard", async (reason, text) => {
        store.update({ fallback: { source: "last-good", reason, savedAt: Date.UTC(2026, 10, 20, 9, 30) } });
        renderArea();
        const details = screen.getByRole("button", { name: "Details" });
        expect(details).toHaveAttribute("aria-expanded", "false");
        expect(screen.queryByText(text)).not.toBeVisible();

        details.focus();
        await userEvent.keyboard("{Enter}");
        expect(details).toHaveAttribute("aria-expanded", "true");
        const panel = document.getElementById(details.getAttribute("aria-controls")!)!;
        expect(panel).toBeVisible();
        expect(panel).toHaveTextContent(text);
        expect(panel).toHaveTextContent(/The saved settings are from .*2026/);

        await userEvent.keyboard(" ");
        expect(details).toHaveAttribute("aria-expanded", "false");
    });

    it("can be dismissed, and a new fallback shows again", async () => {
        const first = { source: "bundled" as const, reason: { kind: "network" as const, message: "x" } };
        store.update({ fallback: first });
        renderArea();
        await userEvent.click(screen.getByRole("button", { name: "Dismiss" }));
        expect(screen.getByRole("status")).toBeEmptyDOMElement();
        act(() => store.update({ fallback: { ...first, reason: { kind: "http", status: 503 } } }));
        expect(screen.getByRole("status")).toHaveTextContent("Using the default settings");
    });

    it("disappears when a later revalidation succeeds", () => {
        store.update({ fallback: { source: "last-good", reason: { kind: "http", status: 502 }, savedAt: 0 } });
        renderArea();
        expect(screen.getByRole("status")).toHaveTextContent("Using the last saved settings");
        act(() => store.update({ fallback: null }));
        expect(screen.getByRole("status")).toBeEmptyDOMElement();
    });

    it("offers a reload for changes that need one, listing them in the details", async () => {
        const reload = jest.fn();
        PlatformPeg.set({ reload } as unknown as BasePlatform);
        renderArea();
        act(() => store.update({ pendingReload: ["/default_server_config/m.homeserver/base_url"] }));
        expect(screen.getByRole("status")).toHaveTextContent("Settings changed. Reload to apply.");
        await userEvent.click(screen.getByRole("button", { name: "Details" }));
        expect(screen.getByText("/default_server_config/m.homeserver/base_url")).toBeVisible();
        await userEvent.click(screen.getByRole("button", { name: "Reload" }));
        expect(reload).toHaveBeenCalledTimes(1);
    });

    it("hides a dismissed reload prompt until the pending changes differ", async () => {
        store.update({ pendingReload: ["/default_hs_url"] });
        renderArea();
        await userEvent.click(screen.getByRole("button", { name: "Dismiss" }));
        expect(screen.queryByText("Settings changed. Reload to apply.")).toBeNull();
        act(() => store.update({ pendingReload: ["/default_hs_url"] }));
        expect(screen.queryByText("Settings changed. Reload to apply.")).toBeNull();
        act(() => store.update({ pendingReload: ["/default_hs_url", "/room_directory"] }));
        expect(screen.getByText("Settings changed. Reload to apply.")).toBeInTheDocument();
    });

    it("shows the admins' notices as text, a warning marked as such", () => {
        store.update({
            config: withNotices([
                { id: "maintenance", text: "Maintenance on Sunday <b>8:00</b>", level: "warning" },
                { id: "welcome", text: "Welcome to the new messenger" },
            ]),
        });
        renderArea();
        const maintenance = screen.getByTestId("atrium-notice-maintenance");
        expect(maintenance).toHaveTextContent("Warning: Maintenance on Sunday <b>8:00</b>");
        expect(maintenance.querySelector("b")).toBeNull();
        expect(screen.getByTestId("atrium-notice-welcome")).toHaveTextContent("Welcome to the new messenger");
    });

    it("remembers a dismissed notice by its id, across reloads", async () => {
        store.update({
            config: withNotices([
                { id: "maintenance", text: "Maintenance on Sunday" },
                { id: "other", text: "Other" },
            ]),
        });
        const { unmount } = renderArea();
        const notice = screen.getByTestId("atrium-notice-maintenance");
        const dismiss = within(notice).getByRole("button", { name: "Dismiss" });
        expect(dismiss).toHaveAccessibleDescription("Maintenance on Sunday");
        await userEvent.click(dismiss);
        expect(screen.queryByTestId("atrium-notice-maintenance")).toBeNull();
        expect(JSON.parse(storage.getItem(DISMISSED_NOTICES_KEY)!)).toEqual(["maintenance"]);

        unmount();
        renderArea();
        expect(screen.queryByTestId("atrium-notice-maintenance")).toBeNull();
        expect(screen.getByTestId("atrium-notice-other")).toBeInTheDocument();
    });

    it("follows live notice changes", () => {
        renderArea();
        act(() => store.update({ config: withNotices([{ id: "upgrade", text: "Upgrade tonight" }]) }));
        expect(screen.getByRole("status")).toHaveTextContent("Upgrade tonight");
        act(() => store.update({ config: withNotices([]) }));
        expect(screen.getByRole("status")).toBeEmptyDOMElement();
    });

    it("shows no notices from a malformed section, and survives hostile remembered dismissals", () => {
        storage.setItem(DISMISSED_NOTICES_KEY, '{"not":"a list"}');
        store.update({ config: withNotices([{ id: "UPPER CASE", text: "x" }, { text: "no id" }]) });
        renderArea();
        expect(screen.getByRole("status")).toBeEmptyDOMElement();
        expect(console.error).toHaveBeenCalledWith(expect.stringMatching(/not showing atrium.notices/));
    });

    it("speaks the person's language", async () => {
        await initAtriumI18n("de");
        store.update({
            fallback: { source: "last-good", reason: { kind: "network", message: "x" }, savedAt: 0 },
            pendingReload: ["/default_hs_url"],
        });
        renderArea();
        expect(screen.getByRole("status", { name: "Hinweise" })).toHaveTextContent(
            "Die zuletzt gespeicherten Einstellungen werden verwendet: Der Einstellungsdienst ist nicht erreichbar.",
        );
        expect(screen.getByRole("button", { name: "Neu laden" })).toBeInTheDocument();
        await initAtriumI18n("ru");
        await screen.findByText("Настройки изменились. Перезагрузите, чтобы применить их.");
    });
});

describe("mountNotices", () => {
    beforeEach(async () => {
        await initAtriumI18n("en");
        document.body.innerHTML = '<section id="matrixchat"></section>';
    });

    it("renders the notice area in its own container beside MatrixChat's, once", () => {
        mountNotices();
        mountNotices(noticesContainer());
        const containers = document.querySelectorAll(`#${NOTICES_CONTAINER_ID}`);
        expect(containers).toHaveLength(1);
        expect(document.getElementById("matrixchat")).not.toContainElement(containers[0] as HTMLElement);
        expect(within(containers[0] as HTMLElement).getByRole("status", { name: "Notices" })).toBeInTheDocument();
        ReactDOM.unmountComponentAtNode(containers[0]);
    });
});
