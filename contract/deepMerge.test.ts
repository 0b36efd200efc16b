import { deepMerge, isPlainObject } from "./deepMerge";

describe("deepMerge", () => {
    it("merges nested objects key by key, later layers winning", () => {
        const base = { brand: "Atrium", setting_defaults: { a: 1, b: { c: 2, d: 3 } } };
        const merged = deepMerge(base, { setting_defaults: { b: { d: 4 }, e: 5 } }, { brand: "Acme" });
        expect(merged).toEqual({ brand: "Acme", setting_defaults: { a: 1, b: { c: 2, d: 4 }, e: 5 } });
    });

    it("replaces arrays instead of concatenating them", () => {
        const merged = deepMerge(
            { servers: ["a", "b"], nested: { list: [1, 2, 3] } },
            { servers: ["c"], nested: { list: [] } },
        );
        expect(merged).toEqual({ servers: ["c"], nested: { list: [] } });
    });

    it("replaces an object with a scalar and a scalar with an object", () => {
        expect(deepMerge({ a: { b: 1 }, c: 1 }, { a: null, c: { d: 2 } })).toEqual({ a: null, c: { d: 2 } });
    });

    it("does not change its inputs, now or through the result later", () => {
        const base = { a: { b: 1 } };
        const layer = { a: { c: 2 }, d: { e: 3 } };
        const merged = deepMerge(base, layer) as unknown as { a: Record<string, number>; d: Record<string, number> };
        merged.a.b = 10;
        merged.d.e = 30;
        expect(base).toEqual({ a: { b: 1 } });
        expect(layer).toEqual({ a: { c: 2 }, d: { e: 3 } });
    });

    it("ignores __proto__, constructor and prototype keys from JSON (prototype pollution)", () => {
        const hostile = JSON.parse(
            '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, "nested": {"__proto__": {"polluted": true}}}',
        );
        const merged = deepMerge({ nested: { safe: 1 } }, hostile) as Record<string, unknown>;
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(merged.polluted).toBeUndefined();
        expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
        expect(Object.prototype.hasOwnProperty.call(merged, "constructor")).toBe(false);
        expect((merged.nested as Record<string, unknown>).polluted).toBeUndefined();
        expect(merged.nested).toEqual({ safe: 1 });
    });

    it("ignores __proto__ in a nested layer that merges into nothing yet", () => {
        const hostile = JSON.parse('{"fresh": {"__proto__": {"polluted": true}, "kept": 1}}');
        const merged = deepMerge({}, hostile) as { fresh: Record<string, unknown> };
        expect(merged.fresh).toEqual({ kept: 1 });
        expect(Object.prototype.hasOwnProperty.call(merged.fresh, "__proto__")).toBe(false);
        expect(merged.fresh.polluted).toBeUndefined();
        expect(Object.getPrototypeOf(merged.fresh)).toBe(Object.prototype);
    });
});

describe("isPlainObject", () => {
    it("accepts objects and rejects arrays, null and scalars", () => {
        expect(isPlainObject({})).toBe(true);
        expect(isPlainObject([])).toBe(false);
        expect(isPlainObject(null)).toBe(false);
        expect(isPlainObject("x")).toBe(false);
    });
});
