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
    if (own === undefined) return Object.freeze({ enabled: true }) as ModuleSettings<T>;
    // The service's config was checked whole already; a base config's module settings are checked here.
    const check = checkConfigSection(["atrium", "modules", name], own);
    if (!check.ok || !isPlainObject(own)) {
        const problem = check.ok ? "not an object" : describeConfigProblem(check.problem);
        if (reportedModuleProblems.get(name) !== problem) {
            logger.error(`Atrium: module ${name} stays off, its settings are invalid: ${problem}`);
            reportedModuleProblems.set(name, problem);
        }
        return Object.freeze({ enabled: false }) as ModuleSettings<T>;
    }
    return Object.freeze({ ...own, enabled: own.enabled !== false }) as ModuleSettings<T>;
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
