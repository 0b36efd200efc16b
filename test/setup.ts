// Runs before every test file: DOM matchers, and the browser features the SDK expects that jsdom lacks.
import "@testing-library/jest-dom";
import { TextDecoder, TextEncoder } from "node:util";
import { webcrypto } from "node:crypto";

import { bundledAssetResponse } from "./helpers/fakeResponse";

function define(target: object, name: string, value: unknown): void {
    Object.defineProperty(target, name, { value, configurable: true, writable: true });
}

if (typeof globalThis.TextEncoder === "undefined") define(globalThis, "TextEncoder", TextEncoder);
if (typeof globalThis.TextDecoder === "undefined") define(globalThis, "TextDecoder", TextDecoder);

// jsdom has getRandomValues but no subtle crypto; the SDK's crypto code needs both.
if (!globalThis.crypto?.subtle) define(globalThis, "crypto", webcrypto);

if (typeof window !== "undefined" && typeof window.matchMedia !== "function") {
    define(window, "matchMedia", (query: string): MediaQueryList => {
        const list = {
            matches: false,
            media: query,
            onchange: null,
            addListener: (): void => {},
            removeListener: (): void => {},
            addEventListener: (): void => {},
            removeEventListener: (): void => {},
            dispatchEvent: (): boolean => false,
        };
        return list as MediaQueryList;
    });
}

class InertObserver {
    public observe(): void {}
    public unobserve(): void {}
    public disconnect(): void {}
    public takeRecords(): [] {
        return [];
    }
}
if (typeof globalThis.ResizeObserver === "undefined") define(globalThis, "ResizeObserver", InertObserver);
if (typeof globalThis.IntersectionObserver === "undefined") define(globalThis, "IntersectionObserver", InertObserver);

// Unit tests have no network. A test that needs fetch replaces it; an unexpected call fails loudly.
// Bundled assets (stubbed to placeholder URLs) are answered: the SDK's MFileBody fetches its
// download icon as soon as its module loads.
if (typeof globalThis.fetch === "undefined") {
    define(globalThis, "fetch", (input: unknown): Promise<Response> => {
        const asset = bundledAssetResponse(String(input));
        return asset
            ? Promise.resolve(asset)
            : Promise.reject(new Error(`Unexpected fetch in a unit test: ${String(input)}`));
    });
}

// The js-sdk logs every HTTP request at debug level; set ATRIUM_TEST_DEBUG=1 to see those lines.
if (!process.env.ATRIUM_TEST_DEBUG) console.debug = (): void => {};

// jsdom has no Web Audio; the SDK's Notifier builds an AudioContext as soon as its module loads
// (any timeline component pulls it in). Nothing in these tests plays sound.
if (typeof window !== "undefined" && typeof window.AudioContext !== "function") {
    class SilentAudioContext {
        public readonly state = "suspended";
        public async resume(): Promise<void> {}
        public async close(): Promise<void> {}
    }
    define(window, "AudioContext", SilentAudioContext);
}
