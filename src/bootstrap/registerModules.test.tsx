// The registration layer with the SDK's real ModuleRunner, module API and translation engine: a
// module written for the plain module API (modules/environment-banner) is switched by Atrium's config.
import React from "react";
import { act, render, screen } from "@testing-library/react";
import SdkConfig from "matrix-react-sdk/src/SdkConfig";
import { ModuleRunner } from "matrix-react-sdk/src/modules/ModuleRunner";
import { RuntimeModule } from "@matrix-org/react-sdk-module-api/lib/RuntimeModule";
import {
    RoomViewLifecycle,
    type ViewRoomOpts,
} from "@matrix-org/react-sdk-module-api/lib/lifecycles/RoomViewLifecycle";
import type { IConfigOptions } from "matrix-react-sdk/src/IConfigOptions";

import { configStore } from "../config/configStore";
import { initAtriumI18n } from "../i18n/atriumI18n";
import { moduleWrapper } from "./moduleWrapper";
import { gatedBySettings, registerModules } from "./registerModules";

const BANNER_ID = "atrium.environment-banner.report";

function useConfig(banner: Record<string, unknown> | undefined): void {
    const config = { atrium: { modules: banner === undefined ? {} : { "environment-banner": banner } } };
    SdkConfig.put(config as unknown as IConfigOptions);
    configStore.update({ config: SdkConfig.get() });
}

function bannerButtons(roomId = "!room:example.org"): ViewRoomOpts["buttons"] {
    const opts: ViewRoomOpts = { buttons: [] };
    ModuleRunner.instance.invoke(RoomViewLifecycle.ViewRoom, opts, roomId);
    return opts.buttons.filter((button) => button.id === BANNER_ID);
}

const STAGING = { label: "Staging", report_url: "https://help.example.com/" };

describe("registerModules", () => {
    beforeAll(async () => {
        await initAtriumI18n("en");
        ModuleRunner.instance.reset();
        expect(registerModules()).toEqual(
            expect.arrayContaining(["room-link", "space-navigator", "environment-banner"]),
        );
    });
    afterAll(() => ModuleRunner.instance.reset());
    afterEach(() => {
        SdkConfig.reset();
        configStore.reset();
    });

    it("lets a module-API-only module add its header button, labelled through the SDK's translations", () => {
        useConfig(STAGING);
        const buttons = bannerButtons();
        expect(buttons).toHaveLength(1);
        expect(buttons[0].label()).toBe("Report a problem");
    });

    it("wraps the app in the module's banner when the module is on", () => {
        useConfig(STAGING);
        const Wrapper = moduleWrapper();
        render(<Wrapper>the app</Wrapper>);
        expect(screen.getByRole("complementary", { name: "Environment" })).toHaveTextContent("Environment: Staging");
        expect(screen.getByText("the app")).toBeInTheDocument();
    });

    it("keeps the module's listeners from hearing anything while the tenant switches it off", () => {
        useConfig({ ...STAGING, enabled: false });
        expect(bannerButtons()).toHaveLength(0);
        const Wrapper = moduleWrapper();
        render(<Wrapper>the app</Wrapper>);
        expect(screen.queryByRole("complementary")).toBeNull();
        expect(screen.getByText("the app")).toBeInTheDocument();
    });

    it("keeps the module off when its settings break the config schema", () => {
        const error = jest.spyOn(console, "error").mockImplementation(() => {});
        try {
            useConfig({ ...STAGING, report_url: "ftp://files.example.com/" });
            expect(bannerButtons()).toHaveLength(0);
        } finally {
            error.mockRestore();
        }
    });

    it("follows a live switch-off: the header button from the next room view, the banner at once, the app never remounted", () => {
        useConfig(STAGING);
        const Wrapper = moduleWrapper();
        let mounts = 0;
        function App(): JSX.Element {
            React.useEffect(() => {
                mounts++;
            }, []);
            return <main>the app</main>;
        }
        render(
            <Wrapper>
                <App />
            </Wrapper>,
        );
        expect(screen.getByRole("complementary")).toBeInTheDocument();

        act(() => useConfig({ ...STAGING, enabled: false }));
        expect(screen.queryByRole("complementary")).toBeNull();
        expect(bannerButtons()).toHaveLength(0);
        expect(screen.getByRole("main")).toBeInTheDocument();
        expect(mounts).toBe(1);

        act(() => useConfig(STAGING));
        expect(bannerButtons()).toHaveLength(1);
    });
});

describe("gatedBySettings", () => {
    class Recorder extends RuntimeModule {
        public heard: string[] = [];
        public constructor(api: never) {
            super(api);
            this.on("event", (what: string) => this.heard.push(what));
        }
    }

    afterEach(() => SdkConfig.reset());

    it("passes events through while the module is on and drops them while it is off", () => {
        const module = gatedBySettings("room-link", (api) => new Recorder(api as never))({} as never) as Recorder;
        module.emit("event", "first");
        SdkConfig.put({ atrium: { modules: { "room-link": { enabled: false } } } } as unknown as IConfigOptions);
        module.emit("event", "second");
        SdkConfig.put({ atrium: { modules: { "room-link": { enabled: true } } } } as unknown as IConfigOptions);
        module.emit("event", "third");
        expect(module.heard).toEqual(["first", "third"]);
    });
});

describe("a module that throws", () => {
    class Broken extends RuntimeModule {
        public constructor(api: never) {
            super(api);
            this.on(RoomViewLifecycle.ViewRoom, () => {
                throw new Error("broken listener");
            });
        }
    }

    it("is logged and leaves the other modules' answers intact", () => {
        const error = jest.spyOn(console, "error").mockImplementation(() => {});
        const module = gatedBySettings("room-link", (api) => new Broken(api as never))({} as never);
        try {
            expect(module.emit(RoomViewLifecycle.ViewRoom, { buttons: [] }, "!r:example.org")).toBe(false);
            expect(error).toHaveBeenCalledWith(
                expect.stringContaining("room-link failed on view_room"),
                expect.any(Error),
            );
        } finally {
            error.mockRestore();
        }
    });
});
