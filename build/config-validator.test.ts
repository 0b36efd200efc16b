import { readFileSync } from "node:fs";

import { composeConfigSchema } from "../contract/composeSchema.cjs";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- build/ is CommonJS (webpack's and jest's configs require it)
const generator = require("./config-validator.js") as {
    generateConfigValidator(schema: object): { source: string; warnings: string[]; hash: string };
    SCHEMA_PATH: string;
    OUTPUT_PATH: string;
    ConfigValidatorError: new (message: string) => Error;
};

const schema = composeConfigSchema();

/** Loads generated ES module source as jest's CommonJS would, after Babel, without touching disk. */
function load(source: string): ((data: unknown) => boolean) & { errors?: { instancePath: string }[] } {
    // The module has no imports, so turning its two exports into assignments is all it takes.
    const body = source
        .replace(/export const validate = (\w+);/, "")
        .replace(/export default (\w+);/, "module.exports = $1;");
    const module = { exports: {} as unknown };
    new Function("module", body)(module);
    return module.exports as ReturnType<typeof load>;
}

describe("the generated config validator", () => {
    const { source } = generator.generateConfigValidator(schema);

    it("is what .generated/config-validator.js holds (jest's global setup wrote it from the current schema)", () => {
        expect(readFileSync(generator.OUTPUT_PATH, "utf8")).toBe(source);
    });

    it("is self-contained ES module code: no require, no import, Ajv's compiler not included", () => {
        expect(source).not.toMatch(/\brequire\(/);
        expect(source).not.toMatch(/^\s*import\s/m);
        expect(source).toMatch(/export default \w+;/);
        expect(source).not.toContain("new Ajv");
    });

    it("is the same text for the same schema, so builds stay cacheable", () => {
        expect(generator.generateConfigValidator(schema).source).toBe(source);
    });

    it("validates by the schema, naming the failing place", () => {
        const validate = load(source);
        expect(validate({ brand: "Acme", atrium: { brand: { colors: { primary: "#112233" } } } })).toBe(true);
        expect(validate({ atrium: { brand: { colors: { primary: "teal" } } } })).toBe(false);
        expect(validate.errors?.[0].instancePath).toBe("/atrium/brand/colors/primary");
    });

    it("counts string length in characters, as the service's Ajv does (its inlined ucs2length helper)", () => {
        const validate = load(source);
        // 200 emoji are 400 UTF-16 units but 200 characters: within the brand's maxLength of 200.
        expect(validate({ brand: "😀".repeat(200) })).toBe(true);
        expect(validate({ brand: "😀".repeat(201) })).toBe(false);
    });

    it("fails clearly on a schema that does not compile", () => {
        expect(() =>
            generator.generateConfigValidator({ type: "object", properties: { a: { type: "strnig" } } }),
        ).toThrow(/does not compile/);
    });
});
