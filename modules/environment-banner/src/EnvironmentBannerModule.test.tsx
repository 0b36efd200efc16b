import React from "react";
import { render, screen } from "@testing-library/react";
import type { ModuleApi } from "@matrix-org/react-sdk-module-api/lib/ModuleApi";
import {
    RoomViewLifecycle,
    type ViewRoomOpts,
} from "@matrix-org/react-sdk-module-api/lib/lifecycles/RoomViewLifecycle";
import { WrapperLifecycle, type WrapperOpts } from "@matrix-org/react-sdk-module-api/lib/lifecycles/WrapperLifecycle";

import { translations } from "../i18n/translations";
import { EnvironmentBannerModule, REPORT_BUTTON_ID } from "./EnvironmentBannerModule";

/** The module API at the module's edge: a config object and the registered strings in one language. */
class FakeModuleApi {
    public config: Record<string, unknown> = {};
    public language = "en";
    public registered: typeof translations = {};

    public registerTranslations(strings: typeof translations): void {
        this.registered = strings;
    }

    public translateString(key: string, variables: Record<string, string | number> = {}): string {
        const text = (this.registered[key]?.[this.language] ?? key) as string;
        return text.replace(/%\((\w+)\)s/g, (_, name: string) => String(variables[name]));
    }

    public getConfigValue<T>(namespace: string, key: string): T | undefined {
        const section = this.config[namespace] as Record<string, unknown> | undefined;
        return section?.[key] as T | undefined;
    }

    public setSettings(settings: Record<string, unknown> | undefined): void {
        this.config = settings === undefined ? {} : { atrium: { modules: { "environment-banner": settings } } };
    }
}

function setUp(settings?: Record<string, unknown>): { api: FakeModuleApi; module: EnvironmentBannerModule } {
    const api = new FakeModuleApi();
    api.setSettings(settings);
    const module = new EnvironmentBannerModule(api as unknown as ModuleApi);
    return { api, module };
}

function headerButtons(module: EnvironmentBannerModule, roomId = "!r:example.org"): ViewRoomOpts["buttons"] {
    const opts: ViewRoomOpts = { buttons: [] };
    module.emit(RoomViewLifecycle.ViewRoom, opts, roomId);
    return opts.buttons;
}

function wrapper(module: EnvironmentBannerModule): WrapperOpts["Wrapper"] {
    const opts: WrapperOpts = { Wrapper: React.Fragment };
    module.emit(WrapperLifecycle.Wrapper, opts);
    return opts.Wrapper;
}

describe("environment-banner module", () => {
    let warn: jest.SpyInstance;
    beforeEach(() => {
        warn = jest.spyOn(console, "warn").mockImplementation(() => {});
    });
    afterEach(() => warn.mockRestore());

    it("registers its strings in English, Russian, German and French", () => {
        const { api } = setUp();
        for (const strings of Object.values(api.registered)) {
            expect(Object.keys(strings).sort()).toEqual(["de", "en", "fr", "ru"]);
        }
        expect(Object.keys(api.registered)).toHaveLength(3);
    });

    describe("the banner (WrapperLifecycle.Wrapper)", () => {
        it("names the deployment in a strip above the app, which it keeps inside", () => {
            const { module } = setUp({ label: "Staging" });
            const Wrapper = wrapper(module);
            render(
                <Wrapper>
                    <main>the app</main>
                </Wrapper>,
            );
            const strip = screen.getByRole("complementary", { name: "Environment" });
            expect(strip).toHaveTextContent("Environment: Staging");
            expect(screen.getByRole("main")).toHaveTextContent("the app");
            expect(
                strip.compareDocumentPosition(screen.getByRole("main")) & Node.DOCUMENT_POSITION_FOLLOWING,
            ).toBeTruthy();
        });

        it("speaks the current language", () => {
            const { api, module } = setUp({ label: "Test" });
            api.language = "de";
            const Wrapper = wrapper(module);
            render(<Wrapper>app</Wrapper>);
            expect(screen.getByRole("complementary", { name: "Umgebung" })).toHaveTextContent("Umgebung: Test");
        });

        it("leaves the app unwrapped without a label, or with one that is blank or too long, or when off", () => {
            for (const settings of [
                {},
                { label: "   " },
                { label: "x".repeat(41) },
                { label: 42 },
                { label: "QA", enabled: false },
            ]) {
                expect(wrapper(setUp(settings).module)).toBe(React.Fragment);
            }
            expect(warn).toHaveBeenCalledWith(expect.stringContaining("label must be text of 1 to 40 characters"));
        });

        it("colours the strip by tone, warning by default and for an unknown tone", () => {
            const colourOf = (tone?: unknown): string => {
                const { module } = setUp(tone === undefined ? { label: "QA" } : { label: "QA", tone });
                const Wrapper = wrapper(module);
                const { unmount } = render(<Wrapper>app</Wrapper>);
                const background = screen.getByRole("complementary").style.background;
                unmount();
                return background;
            };
            expect(colourOf()).toBe(colourOf("warning"));
            expect(colourOf("purple")).toBe(colourOf("warning"));
            expect(colourOf("danger")).not.toBe(colourOf("warning"));
            expect(colourOf("info")).not.toBe(colourOf("danger"));
        });

        it("follows a changed config when the app re-renders: a new label, then off without remounting the app", () => {
            const { api, module } = setUp({ label: "Staging" });
            const Wrapper = wrapper(module);
            let mounts = 0;
            function App(): JSX.Element {
                React.useEffect(() => {
                    mounts++;
                }, []);
                return <main>the app</main>;
            }
            const app = <App />;
            const { rerender } = render(<Wrapper>{app}</Wrapper>);
            api.setSettings({ label: "Pre-production" });
            rerender(<Wrapper>{app}</Wrapper>);
            expect(screen.getByRole("complementary")).toHaveTextContent("Environment: Pre-production");
            api.setSettings({ label: "Pre-production", enabled: false });
            rerender(<Wrapper>{app}</Wrapper>);
            expect(screen.queryByRole("complementary")).toBeNull();
            expect(screen.getByRole("main")).toBeInTheDocument();
            expect(mounts).toBe(1);
        });

        it("keeps a wrapper another module put around the app inside its own", () => {
            const { module } = setUp({ label: "Staging" });
            const opts: WrapperOpts = {
                Wrapper: ({ children }) => <div data-testid="other-module">{children}</div>,
            };
            module.emit(WrapperLifecycle.Wrapper, opts);
            render(<opts.Wrapper>the app</opts.Wrapper>);
            expect(screen.getByTestId("other-module")).toHaveTextContent("the app");
            expect(screen.getByRole("complementary")).toHaveTextContent("Staging");
        });
    });

    describe("the report button (RoomViewLifecycle.ViewRoom)", () => {
        it("adds one labelled header button to every room that opens the configured page in a new tab", () => {
            const { api, module } = setUp({ report_url: "https://help.example.com/chat?from=atrium" });
            const buttons = headerButtons(module);
            expect(buttons).toHaveLength(1);
            expect(buttons[0].id).toBe(REPORT_BUTTON_ID);
            expect(buttons[0].label()).toBe("Report a problem");
            api.language = "ru";
            expect(buttons[0].label()).toBe("Сообщить о проблеме");
            api.language = "fr";
            expect(buttons[0].label()).toBe("Signaler un problème");

            const open = jest.spyOn(window, "open").mockImplementation(() => null);
            try {
                buttons[0].onClick();
                expect(open).toHaveBeenCalledWith(
                    "https://help.example.com/chat?from=atrium",
                    "_blank",
                    "noopener,noreferrer",
                );
            } finally {
                open.mockRestore();
            }
            expect(headerButtons(module, "!other:example.org")).toHaveLength(1);
        });

        it("gives the button a decorative icon", () => {
            const { module } = setUp({ report_url: "https://help.example.com" });
            const [button] = headerButtons(module);
            const icon = typeof button.icon === "function" ? button.icon() : button.icon;
            const { container } = render(<>{icon}</>);
            expect(container.querySelector("svg")).toHaveAttribute("aria-hidden", "true");
        });

        it("adds no button without a URL, for a URL that is not http(s), or when switched off", () => {
            for (const settings of [
                {},
                { report_url: "javascript:alert(1)" },
                { report_url: "data:text/html,hi" },
                { report_url: "/relative/help" },
                { report_url: 7 },
                { report_url: "https://help.example.com", enabled: false },
            ]) {
                expect(headerButtons(setUp(settings).module)).toHaveLength(0);
            }
            expect(warn).toHaveBeenCalledWith(expect.stringContaining("report_url must be an absolute http(s) URL"));
        });

        it("reads the URL when the room opens, so a changed config applies from the next room on", () => {
            const { api, module } = setUp({ report_url: "https://old.example.com/" });
            api.setSettings({ report_url: "https://new.example.com/" });
            const open = jest.spyOn(window, "open").mockImplementation(() => null);
            try {
                headerButtons(module)[0].onClick();
                expect(open).toHaveBeenCalledWith("https://new.example.com/", "_blank", "noopener,noreferrer");
            } finally {
                open.mockRestore();
            }
        });
    });
});
