import { canKeepSession, type StorageScope } from "./frameStorage";

function memoryStorage(): StorageScope["localStorage"] {
    const items = new Map<string, string>();
    return {
        setItem: (k, v) => void items.set(k, v),
        getItem: (k) => items.get(k) ?? null,
        removeItem: (k) => void items.delete(k),
    };
}

describe("canKeepSession", () => {
    it("is true where storage works", () => {
        expect(canKeepSession({ localStorage: memoryStorage(), indexedDB: {} })).toBe(true);
    });

    it("is false where reaching storage throws, as in a frame whose storage is blocked", () => {
        const blocked = {
            get localStorage(): StorageScope["localStorage"] {
                throw new DOMException("Access is denied for this document.", "SecurityError");
            },
            indexedDB: {},
        };
        expect(canKeepSession(blocked)).toBe(false);
    });

    it("is false where writes are dropped or IndexedDB is missing", () => {
        const forgetful = { setItem: () => undefined, getItem: () => null, removeItem: () => undefined };
        expect(canKeepSession({ localStorage: forgetful, indexedDB: {} })).toBe(false);
        expect(canKeepSession({ localStorage: memoryStorage(), indexedDB: undefined })).toBe(false);
    });
});
