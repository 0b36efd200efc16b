// Checks a config against the shared contract (contract/atrium-config.schema.json) with the
// validator that Ajv generates from it at build time (scripts/build-config-validator.mjs). No check
// of a schema key is written by hand here. Never throws: every refusal is a ConfigProblem.
import generatedValidate from "$webapp/config-validator";

import { isPlainObject, PlainObject } from "../../contract/deepMerge";

/** No real config is nested this deep; a deeper value is refused before anything walks it recursively. */
export const MAX_CONFIG_DEPTH = 32;
const MAX_MESSAGE_LENGTH = 300;

export type ConfigProblem =
    | { kind: "not-object" }
    | { kind: "too-deep"; maxDepth: number }
    /** `path` is a JSON pointer into the config ("/atrium/brand/colors/primary"), "/" for the whole config. */
    | { kind: "schema"; path: string; message: string };

export type ConfigCheck = { ok: true; config: PlainObject } | { ok: false; problem: ConfigProblem };

function clip(text: string, max = MAX_MESSAGE_LENGTH): string {
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** True when objects or arrays nest deeper than `maxDepth`. Iterative, so hostile nesting cannot overflow the stack. */
export function nestsDeeperThan(value: unknown, maxDepth: number): boolean {
    const pending: [unknown, number][] = [[value, 0]];
    while (pending.length > 0) {
        const [current, depth] = pending.pop()!;
        if (typeof current !== "object" || current === null) continue;
        if (depth >= maxDepth) return true;
        const children = Array.isArray(current) ? current : Object.values(current);
        for (const child of children) {
            if (typeof child === "object" && child !== null) pending.push([child, depth + 1]);
        }
    }
    return false;
}

interface GeneratedError {
    instancePath?: unknown;
    message?: unknown;
    params?: unknown;
}

function schemaProblem(error: GeneratedError | undefined): ConfigProblem {
    const path = typeof error?.instancePath === "string" && error.instancePath ? error.instancePath : "/";
    let message = typeof error?.message === "string" ? error.message : "does not match the schema";
    const params = isPlainObject(error?.params) ? error.params : {};
    // Ajv's message for an unknown key does not name it; the key is what an admin has to find.
    if (typeof params.additionalProperty === "string")
        message += ` (${JSON.stringify(clip(params.additionalProperty, 64))})`;
    return { kind: "schema", path: clip(path, 200), message: clip(message) };
}

/** Checks a whole config: a JSON object, not absurdly nested, valid against the contract. */
export function checkConfig(value: unknown): ConfigCheck {
    if (!isPlainObject(value)) return { ok: false, problem: { kind: "not-object" } };
    if (nestsDeeperThan(value, MAX_CONFIG_DEPTH)) {
        return { ok: false, problem: { kind: "too-deep", maxDepth: MAX_CONFIG_DEPTH } };
    }
    let valid: boolean;
    try {
        valid = generatedValidate(value);
    } catch (error) {
        // Generated code over a JSON value does not throw; something that is not JSON might.
        return {
            ok: false,
            problem: { kind: "schema", path: "/", message: clip(`could not be checked: ${String(error)}`) },
        };
    }
    if (valid) return { ok: true, config: value };
    return { ok: false, problem: schemaProblem(generatedValidate.errors?.[0]) };
}

/**
 * Checks one section of a config that was not checked as a whole (the platform's base config is
 * not): the section alone, at its place in the contract. `["atrium", "notices"]` checks
 * `{ atrium: { notices: value } }`.
 */
export function checkConfigSection(path: readonly string[], value: unknown): ConfigCheck {
    let wrapped: unknown = value;
    for (const key of [...path].reverse()) wrapped = { [key]: wrapped };
    return checkConfig(wrapped);
}

/** One line for logs and for the notice's details. */
export function describeConfigProblem(problem: ConfigProblem): string {
    switch (problem.kind) {
        case "not-object":
            return "not a JSON object";
        case "too-deep":
            return `nested deeper than ${problem.maxDepth} levels`;
        case "schema":
            return `schema error at ${problem.path}: ${problem.message}`;
    }
}
