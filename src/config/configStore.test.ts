// The store that says when the config changed and why it is what it is, and the hooks that follow it.
import { act, renderHook } from "@testing-library/react-hooks";
import SdkConfig from "matrix-react-sdk/src/SdkConfig";
import type { IConfigOptions } from "matrix-react-sdk/src/IConfigOptions";

import { ConfigState, ConfigStore, configStore, useAppConfig, useConfigState } from "./configStore";
import { useBrand } from "./useBrand";

const config = (brand: string): IConfigOptions => ({ brand }) as IConfigOptions;

describe("ConfigStore", () => {
    it("starts empty: no config, no fallback, nothing waiting for a reload", () => {
        expect(new ConfigStore().get()).toEqual({ config: null, fallback: null, pendingReload: [] });
    });

    it("replaces only the parts given, and tells every listener the whole new state", () => {
        const store = new ConfigStore();
        const heard: ConfigState[][] = [[], []];
        store.subscribe((state) => heard[0].push(state));
        store.subscribe((state) => heard[1].push(state));
        store.update({ config: config("Acme") });
        store.update({ pendingReload: ["/default_server_config"] });
        const expected = { config: config("Acme"), fallback: null, pendingReload: ["/default_server_config"] };
        expect(store.get()).toEqual(expected);
        expect(heard[0]).toEqual([{ ...expected, pendingReload: [] }, expected]);
        expect(heard[1]).toEqual(heard[0]);
    });

    it("stops telling a listener once it unsubscribes", () => {
        const store = new ConfigStore();
        const listener = jest.fn();
        const unsubscribe = store.subscribe(listener);
        store.update({});
        unsubscribe();
        store.update({});
        expect(listener).toHaveBeenCalledTimes(1);
    });

    it("tells the other listeners when one of them throws, and logs the failure", () => {
        const logged = jest.spyOn(console, "error").mockImplementation(() => {});
        const store = new ConfigStore();
        const after = jest.fn();
        store.subscribe(() => {
            throw new Error("broken subscriber");
        });
        store.subscribe(after);
        expect(() => store.update({ pendingReload: ["/brand"] })).not.toThrow();
        expect(after).toHaveBeenCalledWith(expect.objectContaining({ pendingReload: ["/brand"] }));
        expect(logged).toHaveBeenCalledWith(
            expect.stringContaining("Atrium: a config listener failed"),
            expect.objectContaining({ message: "broken subscriber" }),
        );
        logged.mockRestore();
    });

    it("lets a listener unsubscribe while it is being told, without skipping the next one", () => {
        const store = new ConfigStore();
        const second = jest.fn();
        const unsubscribe = store.subscribe(() => unsubscribe());
        store.subscribe(second);
        store.update({});
        expect(second).toHaveBeenCalledTimes(1);
    });

    it("forgets its state and its listeners on reset", () => {
        const store = new ConfigStore();
        const listener = jest.fn();
        store.subscribe(listener);
        store.update({ config: config("Acme") });
        store.reset();
        expect(store.get()).toEqual({ config: null, fallback: null, pendingReload: [] });
        store.update({});
        expect(listener).toHaveBeenCalledTimes(1);
    });
});

describe("the hooks", () => {
    afterEach(() => {
        configStore.reset();
        jest.restoreAllMocks();
    });

    it("give the store's state and render again when it changes", () => {
        const store = new ConfigStore();
        store.update({ pendingReload: ["/a"] });
        const { result } = renderHook(() => useConfigState(store));
        expect(result.current.pendingReload).toEqual(["/a"]);
        act(() => store.update({ pendingReload: ["/b"] }));
        expect(result.current.pendingReload).toEqual(["/b"]);
    });

    it("stop listening when the component goes", () => {
        const store = new ConfigStore();
        const { unmount } = renderHook(() => useConfigState(store));
        unmount();
        // React warns of a state update on an unmounted component: a listener left behind would cause one.
        const warned = jest.spyOn(console, "error").mockImplementation(() => {});
        store.update({ pendingReload: ["/a"] });
        expect(warned).not.toHaveBeenCalled();
    });

    it("do not lose a change made between the render and the subscription", () => {
        const store = new ConfigStore();
        store.update({ pendingReload: ["/new"] });
        jest.spyOn(store, "get").mockReturnValueOnce({ config: null, fallback: null, pendingReload: ["/old"] });
        const { result } = renderHook(() => useConfigState(store));
        expect(result.current.pendingReload).toEqual(["/new"]);
    });

    it("follow another store when given one", () => {
        const first = new ConfigStore();
        const second = new ConfigStore();
        first.update({ pendingReload: ["/first"] });
        second.update({ pendingReload: ["/second"] });
        const { result, rerender } = renderHook(({ store }) => useConfigState(store), {
            initialProps: { store: first },
        });
        rerender({ store: second });
        expect(result.current.pendingReload).toEqual(["/second"]);
        act(() => first.update({ pendingReload: ["/first again"] }));
        expect(result.current.pendingReload).toEqual(["/second"]);
    });

    it("follow the app's own store by default, giving the SDK's config and the brand", () => {
        let sdkConfig = config("Acme");
        jest.spyOn(SdkConfig, "get").mockImplementation(() => sdkConfig);
        const state = renderHook(() => useConfigState());
        const appConfig = renderHook(() => useAppConfig());
        const brand = renderHook(() => useBrand());
        expect(appConfig.result.current.brand).toBe("Acme");
        expect(brand.result.current.name).toBe("Acme");
        sdkConfig = config("Globex");
        act(() => configStore.update({ config: sdkConfig }));
        expect(state.result.current.config).toBe(sdkConfig);
        expect(appConfig.result.current.brand).toBe("Globex");
        expect(brand.result.current.name).toBe("Globex");
    });
});
