import React from "react";
import { act, render, screen } from "@testing-library/react";
import SdkConfig from "matrix-react-sdk/src/SdkConfig";
import type { IConfigOptions } from "matrix-react-sdk/src/IConfigOptions";

import { configStore } from "../config/configStore";
import { clearSlotsForTests, contribute, contributionsTo, onSlotsChange, useSlot } from "./slotRegistry";

const withModules = (modules: unknown): IConfigOptions => ({ atrium: { modules } }) as unknown as IConfigOptions;
const card = (id: string, order?: number): { id: string; module: string; order?: number; render(): null } => ({
    id,
    module: "room-link",
    order,
    render: () => null,
});

describe("the slot registry", () => {
    beforeEach(() => {
        clearSlotsForTests();
        SdkConfig.put({} as IConfigOptions);
    });

    it("hands out a slot's contributions by order, then id, and only that slot's", () => {
        contribute("homePageCard", card("b"));
        contribute("homePageCard", card("a"));
        contribute("homePageCard", card("z", -1));
        expect(contributionsTo("homePageCard").map((c) => c.id)).toEqual(["z", "a", "b"]);
        expect(contributionsTo("rightPanelCard")).toEqual([]);
    });

    it("refuses a second contribution with the same id in one slot", () => {
        contribute("homePageCard", card("a"));
        expect(() => contribute("homePageCard", card("a"))).toThrow(/already has a contribution "a"/);
        expect(() => contribute("roomHeaderItem", { ...card("a"), render: () => null })).not.toThrow();
    });

    it("removes a contribution with the function contribute returned, once", () => {
        const remove = contribute("homePageCard", card("a"));
        contribute("homePageCard", card("b"));
        remove();
        remove();
        expect(contributionsTo("homePageCard").map((c) => c.id)).toEqual(["b"]);
    });

    it("leaves out what a switched-off module contributed, and tells listeners of config changes", () => {
        contribute("homePageCard", card("a"));
        contribute("homePageCard", { ...card("nav"), module: "space-navigator" });
        const listener = jest.fn();
        const stop = onSlotsChange(listener);
        SdkConfig.put(withModules({ "room-link": { enabled: false } }));
        configStore.update({});
        expect(listener).toHaveBeenCalled();
        expect(contributionsTo("homePageCard").map((c) => c.id)).toEqual(["nav"]);
        stop();
        listener.mockClear();
        contribute("homePageCard", card("c"));
        expect(listener).not.toHaveBeenCalled();
    });

    it("re-renders a component using a slot when a contribution arrives", () => {
        function Cards(): JSX.Element {
            return (
                <p>
                    {useSlot("homePageCard")
                        .map((c) => c.id)
                        .join(",") || "none"}
                </p>
            );
        }
        render(<Cards />);
        expect(screen.getByText("none")).toBeInTheDocument();
        act(() => {
            contribute("homePageCard", card("late"));
        });
        expect(screen.getByText("late")).toBeInTheDocument();
    });
    it("hands out the same array while the same contributions are enabled, and a new one when they change", () => {
        const stopA = contribute("homePageCard", card("a"));
        const first = contributionsTo("homePageCard");
        expect(contributionsTo("homePageCard")).toBe(first);

        const stopB = contribute("homePageCard", { ...card("b"), module: "wiki-link" });
        const both = contributionsTo("homePageCard");
        expect(both).not.toBe(first);
        expect(both.map((c) => c.id)).toEqual(["a", "b"]);
        expect(contributionsTo("homePageCard")).toBe(both);

        // A module switched off by the config: a new array without it, then with it again.
        SdkConfig.put(withModules({ "wiki-link": { enabled: false } }));
        const withoutB = contributionsTo("homePageCard");
        expect(withoutB.map((c) => c.id)).toEqual(["a"]);
        SdkConfig.put({} as IConfigOptions);
        expect(contributionsTo("homePageCard")).not.toBe(withoutB);
        expect(contributionsTo("homePageCard").map((c) => c.id)).toEqual(["a", "b"]);

        stopB();
        stopA();
        expect(contributionsTo("homePageCard")).toEqual([]);
    });

    it("gives a component's renders the same array, so its effects run once for a set", () => {
        contribute("homePageCard", card("a"));
        const runs = jest.fn();
        function Reader({ tick }: { tick: number }): JSX.Element {
            const cards = useSlot("homePageCard");
            React.useEffect(() => runs(cards), [cards]);
            return <span>{tick}</span>;
        }
        const { rerender } = render(<Reader tick={1} />);
        rerender(<Reader tick={2} />);
        rerender(<Reader tick={3} />);
        expect(runs).toHaveBeenCalledTimes(1);
    });
});
