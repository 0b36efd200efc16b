import React from "react";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { ModuleRunner } from "matrix-react-sdk/src/modules/ModuleRunner";
import SdkConfig from "matrix-react-sdk/src/SdkConfig";
import type { IConfigOptions } from "matrix-react-sdk/src/IConfigOptions";

import { closeLeftPanelView, contributionsTo, initAtriumI18n, openedLeftPanelView } from "@atrium/sdk";
import { clearSlotsForTests } from "@atrium/sdk/slotRegistry";

import companyDirectory from "../index";
import { PANEL_ID } from "./CompanyDirectoryModule";

describe("company-directory module", () => {
    beforeAll(async () => {
        await initAtriumI18n("en");
        ModuleRunner.instance.reset();
        clearSlotsForTests();
        ModuleRunner.instance.registerModule(companyDirectory.factory);
    });
    afterEach(() => {
        closeLeftPanelView();
        SdkConfig.reset();
    });
    afterAll(() => {
        ModuleRunner.instance.reset();
        clearSlotsForTests();
    });

    it("adds a 'Company directory' button beside the space bar that opens and closes the panel view", () => {
        const [button] = contributionsTo("spaceBarButton");
        expect(button.label()).toBe("Company directory");
        expect(button.isPressed?.()).toBe(false);
        button.onClick();
        expect(openedLeftPanelView()).toBe(PANEL_ID);
        expect(button.isPressed?.()).toBe(true);
        button.onClick();
        expect(openedLeftPanelView()).toBeNull();
        expect(contributionsTo("leftPanelView").map((view) => view.id)).toEqual([PANEL_ID]);
    });

    it("opens and closes with Ctrl+Shift+Y, not with other keys", () => {
        fireEvent.keyDown(document, { code: "KeyY", key: "Y", ctrlKey: true });
        expect(openedLeftPanelView()).toBeNull();
        fireEvent.keyDown(document, { code: "KeyY", key: "Y", ctrlKey: true, shiftKey: true });
        expect(openedLeftPanelView()).toBe(PANEL_ID);
        fireEvent.keyDown(document, { code: "KeyY", key: "Y", ctrlKey: true, shiftKey: true });
        expect(openedLeftPanelView()).toBeNull();
    });

    it("offers nothing when the config switches the module off", () => {
        SdkConfig.put({
            atrium: { modules: { "company-directory": { enabled: false } } },
        } as unknown as IConfigOptions);
        expect(contributionsTo("spaceBarButton")).toEqual([]);
        fireEvent.keyDown(document, { code: "KeyY", ctrlKey: true, shiftKey: true });
        expect(openedLeftPanelView()).toBeNull();
    });

    it("renders the panel as the view; its close button closes the view", async () => {
        const [view] = contributionsTo("leftPanelView");
        const close = jest.fn();
        render(<>{view.render({ userId: "@a:example.com", close, focusRef: { current: null } })}</>);
        const closeButton = await screen.findByRole("button", { name: "Close company directory" });
        await act(async () => {
            fireEvent.click(closeButton);
        });
        expect(close).toHaveBeenCalled();
    });
});
