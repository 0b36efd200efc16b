// How checkConfig reads what the generated validator says, when that is not what Ajv normally gives:
// an error without a place, without a message, with odd params, no error at all, or a throw.
import generatedValidate from "$webapp/config-validator";

import { checkConfig } from "./configValidator";

jest.mock("$webapp/config-validator", () => {
    const validate = jest.fn() as jest.Mock & { errors?: unknown };
    return { __esModule: true, default: validate };
});

const validate = generatedValidate as unknown as jest.Mock & { errors?: unknown };

/** The validator refuses with these errors. */
function refusesWith(errors: unknown): void {
    validate.mockReturnValue(false);
    validate.errors = errors;
}

describe("checkConfig with the generated validator's errors", () => {
    afterEach(() => validate.mockReset());

    it("places an error at the root, or without a place, at /", () => {
        refusesWith([{ instancePath: "", message: "must have required property 'x'" }]);
        expect(checkConfig({})).toEqual({
            ok: false,
            problem: { kind: "schema", path: "/", message: "must have required property 'x'" },
        });
        refusesWith([{ instancePath: 42, message: "m" }]);
        expect(checkConfig({})).toMatchObject({ problem: { path: "/" } });
    });

    it("says 'does not match the schema' for an error without a message", () => {
        refusesWith([{ instancePath: "/brand", message: 7 }]);
        expect(checkConfig({})).toEqual({
            ok: false,
            problem: { kind: "schema", path: "/brand", message: "does not match the schema" },
        });
    });

    it("reads an unknown key only from params that are an object", () => {
        refusesWith([{ instancePath: "/atrium", message: "m", params: "additionalProperty" }]);
        expect(checkConfig({})).toMatchObject({ problem: { message: "m" } });
    });

    it("gives a problem even when the validator names no error", () => {
        for (const errors of [undefined, null, [], [null]]) {
            refusesWith(errors);
            expect(checkConfig({})).toEqual({
                ok: false,
                problem: { kind: "schema", path: "/", message: "does not match the schema" },
            });
        }
    });

    it("turns a throwing validator into a problem, never a throw", () => {
        validate.mockImplementation(() => {
            throw new RangeError("cyclic value");
        });
        expect(checkConfig({})).toEqual({
            ok: false,
            problem: { kind: "schema", path: "/", message: "could not be checked: RangeError: cyclic value" },
        });
    });
});
