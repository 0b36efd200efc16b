// A module's settings and its switch, read from the live config (`atrium.modules.<name>`).
import SdkConfig from "matrix-react-sdk/src/SdkConfig";
import type { IConfigOptions } from "matrix-react-sdk/src/IConfigOptions";
import { logger } from "matrix-js-sdk/src/logger";

import { checkConfigSection, describeConfigProblem } from "../config/configValidator";
import { configStore } from "../config/configStore";
import { isPlainObject } from "../../contract/deepMerge";

/** A module's settings (`atrium.modules.<name>` in the config, its keys in the config schema) and its switch. */
export type ModuleSettings<T extends object> = Readonly<Partial<T>> & { readonly enabled: boolean };

const reportedModuleProblems = new Map<string, string>();

const ENABLED_WITHOUT_SETTINGS = Object.freeze({ enabled: true });

/**
 * What a module's config section was read as, by the section's object and the module's name: the
 * slots ask on every render of every room tile, and a new config brings new objects.
 */
const readSections = new WeakMap<object, Map<string, ModuleSettings<object>>>();

/**
 * The settings of the module `name`. `enabled` is true unless the config turns the module off.
 * Settings that break the config schema are reported once and turn the module off: a module never
 * runs on settings it cannot trust. Read it when acting, not once at start: live config changes
 * apply (subscribe with `onModuleSettingsChange`).
 */
export function moduleSettings<T extends object = Record<string, unknown>>(name: string): ModuleSettings<T> {
    const atrium = (SdkConfig.get() as IConfigOptions & { atrium?: unknown }).atrium;
    const modules = isPlainObject(atrium) ? atrium.modules : undefined;
    const own = isPlainObject(modules) && Object.hasOwn(modules, name) ? modules[name] : undefined;
    if (own === undefined) return ENABLED_WITHOUT_SETTINGS as ModuleSettings<T>;
    const known = isPlainObject(own) ? readSections.get(own)?.get(name) : undefined;
    if (known) return known as ModuleSettings<T>;
    const settings = readSection(name, own);
    if (isPlainObject(own)) {
        if (!readSections.has(own)) readSections.set(own, new Map());
        readSections.get(own)!.set(name, settings);
    }
    return settings as ModuleSettings<T>;
}

function readSection(name: string, own: unknown): ModuleSettings<object> {
    // The service's config was checked whole already; a base config's module settings are checked here.
    const check = checkConfigSection(["atrium", "modules", name], own);
    if (!check.ok || !isPlainObject(own)) {
        const problem = check.ok ? "not an object" : describeConfigProblem(check.problem);
        if (reportedModuleProblems.get(name) !== problem) {
            logger.error(`Atrium: module ${name} stays off, its settings are invalid: ${problem}`);
            reportedModuleProblems.set(name, problem);
        }
        return Object.freeze({ enabled: false });
    }
    return Object.freeze({ ...own, enabled: own.enabled !== false });
}

/** Calls `listener` with the module's new settings whenever a live config change changes them. */
export function onModuleSettingsChange<T extends object = Record<string, unknown>>(
    name: string,
    listener: (settings: ModuleSettings<T>) => void,
): () => void {
    let last = JSON.stringify(moduleSettings<T>(name));
    return configStore.subscribe(() => {
        const settings = moduleSettings<T>(name);
        const serialised = JSON.stringify(settings);
        if (serialised === last) return;
        last = serialised;
        listener(settings);
    });
}
