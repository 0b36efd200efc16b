// The config contract, compiled once: the client config schema shared with the web app
// (contract/: the base schema with each module's settings composed in) and the service's
// tenant-file schema, which refers to it. Every check of a
// config goes through these Ajv validators; this file only turns Ajv's errors into plain problems.
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";

import { composeConfigSchema } from "../../contract/composeSchema.cjs";
import tenantFileSchema from "../schema/atrium-tenant-file.schema.json" with { type: "json" };

/** One reason a file was refused: which file, where in it (a JSON Pointer), and what was expected. */
export interface Problem {
    file: string;
    /** JSON Pointer (RFC 6901) into the file's content; "" is the whole file. */
    path: string;
    message: string;
}

const clientConfigSchema = composeConfigSchema();

export { clientConfigSchema, tenantFileSchema };

export const CLIENT_SCHEMA_ID: string = clientConfigSchema.$id;
export const TENANT_FILE_SCHEMA_ID: string = tenantFileSchema.$id;

/** Enough to fix a file; past this many, one last problem says how many more there are. */
export const MAX_PROBLEMS = 20;

// `verbose` gives each error its schema, whose description then tells what a pattern means.
const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true });
ajv.addSchema(clientConfigSchema);
ajv.addSchema(tenantFileSchema);

function compiled(ref: string): ValidateFunction {
    const validate = ajv.getSchema(ref);
    if (!validate) throw new Error(`The contract has no schema ${ref}`);
    return validate;
}

const validateClient = compiled(CLIENT_SCHEMA_ID);
const validateTenant = compiled(TENANT_FILE_SCHEMA_ID);
const validateDefaults = compiled(`${TENANT_FILE_SCHEMA_ID}#/definitions/defaultsFile`);
const validateOrigin = compiled(`${TENANT_FILE_SCHEMA_ID}#/definitions/origin`);

function escapePointer(key: string): string {
    return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

function quote(value: unknown): string {
    const text = JSON.stringify(value) ?? String(value);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** Says what the schema expected at one place, in words an operator can act on. */
function describe(error: ErrorObject, file: string, prefix: string): Problem {
    const at = prefix + error.instancePath;
    const params = error.params as Record<string, unknown>;
    switch (error.keyword) {
        case "additionalProperties":
            return {
                file,
                path: `${at}/${escapePointer(String(params.additionalProperty))}`,
                message: "unknown key: not in the schema here (check its spelling and place)",
            };
        case "required":
            return { file, path: `${at}/${escapePointer(String(params.missingProperty))}`, message: "is required" };
        case "enum":
            return {
                file,
                path: at,
                message: `must be one of ${(params.allowedValues as unknown[]).map(quote).join(", ")}`,
            };
        case "const":
            return { file, path: at, message: `must be ${quote(params.allowedValue)}` };
        default: {
            const message = error.message ?? `fails the schema's "${error.keyword}" rule`;
            const description = (error.parentSchema as { description?: unknown } | undefined)?.description;
            const hint =
                error.keyword === "pattern" && typeof description === "string"
                    ? ` (${description.replace(/\.$/, "")})`
                    : "";
            return { file, path: at, message: message + hint };
        }
    }
}

function problemsOf(errors: ErrorObject[] | null | undefined, file: string, prefix = ""): Problem[] {
    const seen = new Set<string>();
    const problems: Problem[] = [];
    for (const error of errors ?? []) {
        // A failed `if`/`anyOf` repeats what its branches already said.
        if (error.keyword === "if" || error.keyword === "anyOf" || error.keyword === "oneOf") continue;
        const problem = describe(error, file, prefix);
        const key = `${problem.path}\u0000${problem.message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        problems.push(problem);
    }
    if (problems.length === 0 && errors?.length) {
        problems.push(describe(errors[0], file, prefix));
    }
    return capped(problems, file);
}

export function capped(problems: Problem[], file: string): Problem[] {
    if (problems.length <= MAX_PROBLEMS) return problems;
    const kept = problems.slice(0, MAX_PROBLEMS - 1);
    kept.push({ file, path: "", message: `... and ${problems.length - kept.length} more problem(s)` });
    return kept;
}

/** The tenant file as written: its envelope (hosts, web_origins, config). */
export function checkTenantFile(value: unknown, file: string): Problem[] {
    return validateTenant(value) ? [] : problemsOf(validateTenant.errors, file);
}

/** The defaults file: `{ config }`, whose config must be a valid client config on its own. */
export function checkDefaultsFile(value: unknown, file: string): Problem[] {
    return validateDefaults(value) ? [] : problemsOf(validateDefaults.errors, file);
}

/**
 * A client config as it will be served (after layering). Paths are reported under `pathPrefix`,
 * e.g. "/config" for the `config` key of a tenant file.
 */
export function checkClientConfig(value: unknown, file: string, pathPrefix = ""): Problem[] {
    return validateClient(value) ? [] : problemsOf(validateClient.errors, file, pathPrefix);
}

export function isWebOrigin(value: string): boolean {
    return validateOrigin(value) === true;
}
