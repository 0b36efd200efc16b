import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { composeConfigSchema, SchemaCompositionError } from "./composeSchema.cjs";

type Schema = { properties: { atrium: { properties: { modules: { properties: Record<string, unknown> } } } } };
const modulesOf = (schema: object): Record<string, unknown> =>
    (schema as Schema).properties.atrium.properties.modules.properties;

/** A modules folder with the given modules, each an index.ts and, where given, its schema fragment. */
function modulesFolder(modules: Record<string, object | undefined>): string {
    const dir = mkdtempSync(path.join(tmpdir(), "atrium-modules-"));
    for (const [name, fragment] of Object.entries(modules)) {
        mkdirSync(path.join(dir, name));
        writeFileSync(path.join(dir, name, "index.ts"), "export {};\n");
        if (fragment) writeFileSync(path.join(dir, name, "config.schema.json"), JSON.stringify(fragment));
    }
    return dir;
}

describe("composeConfigSchema", () => {
    it("puts every module of the repository under atrium.modules, with its own settings", () => {
        const modules = modulesOf(composeConfigSchema());
        expect(Object.keys(modules)).toEqual(expect.arrayContaining(["room-link", "space-navigator"]));
        expect(modules["space-navigator"]).toMatchObject({
            additionalProperties: false,
            properties: { enabled: { type: "boolean" }, default_view: { enum: ["navigator", "classic"] } },
        });
    });

    it("gives a module without a fragment only its switch, and refuses unknown settings", () => {
        const dir = modulesFolder({ plain: undefined, rich: { properties: { size: { type: "integer" } } } });
        const modules = modulesOf(composeConfigSchema({ modulesDir: dir }));
        expect(Object.keys(modules)).toEqual(["plain", "rich"]);
        expect(modules.plain).toMatchObject({
            additionalProperties: false,
            properties: { enabled: { type: "boolean" } },
        });
        expect(Object.keys((modules.plain as { properties: object }).properties)).toEqual(["enabled"]);
        expect((modules.rich as { properties: object }).properties).toHaveProperty("size");
    });

    it("ignores folders that are not modules (no index.ts)", () => {
        const dir = modulesFolder({ real: undefined });
        mkdirSync(path.join(dir, "notes"));
        expect(Object.keys(modulesOf(composeConfigSchema({ modulesDir: dir })))).toEqual(["real"]);
    });

    it("refuses a fragment with keys it does not know, naming the file", () => {
        const dir = modulesFolder({ odd: { properties: {}, additionalProperties: true } });
        expect(() => composeConfigSchema({ modulesDir: dir })).toThrow(SchemaCompositionError);
        expect(() => composeConfigSchema({ modulesDir: dir })).toThrow(
            /odd\/config\.schema\.json.*additionalProperties/,
        );
    });

    it("refuses a fragment that is not JSON, and a module name the config could not hold", () => {
        const broken = modulesFolder({ broken: undefined });
        writeFileSync(path.join(broken, "broken", "config.schema.json"), "{ nope");
        expect(() => composeConfigSchema({ modulesDir: broken })).toThrow(/Cannot read .*broken/);
        const badName = modulesFolder({ Bad_Name: undefined });
        expect(() => composeConfigSchema({ modulesDir: badName })).toThrow(/not a valid module name/);
    });
});
