// The config contract as served and enforced: the shared base schema (atrium-config.schema.json)
// with each module's own settings composed under `atrium.modules.<name>`. A module declares its
// settings in its folder (modules/<name>/config.schema.json: a description and properties), so a new
// module adds settings without editing a central file. Read by the build (the client's generated
// validator), by jest's global setup and by the config service. Node only.
"use strict";
const fs = require("fs");
const path = require("path");

const REPO_ROOT = path.resolve(__dirname, "..");
const BASE_SCHEMA_PATH = path.join(__dirname, "atrium-config.schema.json");
const MODULE_NAME = /^[a-z][a-z0-9-]{0,62}$/;
const ENABLED = { type: "boolean", description: "Turns the module on or off for everyone (default on)." };

class SchemaCompositionError extends Error {}

function readJson(file) {
    try {
        return JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (error) {
        throw new SchemaCompositionError(`Cannot read ${path.relative(REPO_ROOT, file)}: ${error.message}`);
    }
}

/** Every module folder (one holding an index.ts) under `modulesDir`, by name, in name order. */
function moduleFolders(modulesDir) {
    return fs
        .readdirSync(modulesDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(modulesDir, entry.name, "index.ts")))
        .map((entry) => entry.name)
        .sort();
}

/** A module's settings schema: its fragment's properties, always an `enabled` switch, nothing else allowed. */
function moduleSettingsSchema(name, fragment, file) {
    const allowed = new Set(["description", "properties", "required"]);
    const unknown = Object.keys(fragment).filter((key) => !allowed.has(key));
    if (unknown.length > 0) {
        throw new SchemaCompositionError(
            `${file}: unknown key(s) ${unknown.join(", ")} (allowed: ${[...allowed].join(", ")})`,
        );
    }
    const properties = fragment.properties ?? {};
    if (typeof properties !== "object" || properties === null || Array.isArray(properties)) {
        throw new SchemaCompositionError(`${file}: "properties" must be an object`);
    }
    return {
        type: "object",
        description: typeof fragment.description === "string" ? fragment.description : `Settings of modules/${name}.`,
        additionalProperties: false,
        ...(fragment.required ? { required: fragment.required } : {}),
        properties: { enabled: ENABLED, ...properties },
    };
}

/**
 * The composed client config schema. Every module folder gets its entry (a module without a
 * config.schema.json has only `enabled`); the base schema is not modified.
 */
function composeConfigSchema({ baseSchemaPath = BASE_SCHEMA_PATH, modulesDir = path.join(REPO_ROOT, "modules") } = {}) {
    const schema = readJson(baseSchemaPath);
    const modules = schema.properties?.atrium?.properties?.modules;
    if (!modules || typeof modules.properties !== "object") {
        throw new SchemaCompositionError("The base schema has no atrium.modules.properties to compose into");
    }
    for (const name of moduleFolders(modulesDir)) {
        if (!MODULE_NAME.test(name)) throw new SchemaCompositionError(`modules/${name}: not a valid module name`);
        if (Object.hasOwn(modules.properties, name)) {
            throw new SchemaCompositionError(`modules/${name}: the base schema already defines atrium.modules.${name}`);
        }
        const file = path.join(modulesDir, name, "config.schema.json");
        const fragment = fs.existsSync(file) ? readJson(file) : {};
        modules.properties[name] = moduleSettingsSchema(name, fragment, path.relative(REPO_ROOT, file));
    }
    return schema;
}

module.exports = { composeConfigSchema, moduleFolders, SchemaCompositionError, BASE_SCHEMA_PATH };
