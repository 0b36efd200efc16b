// The small typed layer through which Atrium's modules reach the SDK. Modules import from
// "@atrium/sdk" only, so a test can swap the SDK at this one place and an SDK upgrade is checked here.
import { MatrixClientPeg } from "matrix-react-sdk/src/MatrixClientPeg";
import SdkConfig from "matrix-react-sdk/src/SdkConfig";
import { makeRoomPermalink } from "matrix-react-sdk/src/utils/permalinks/Permalinks";
import { copyPlaintext } from "matrix-react-sdk/src/utils/strings";
import type { IConfigOptions } from "matrix-react-sdk/src/IConfigOptions";
import { logger } from "matrix-js-sdk/src/logger";

import { checkConfigSection, describeConfigProblem } from "../config/configValidator";
import { configStore } from "../config/configStore";
import { isPlainObject } from "../config/deepMerge";

export { addModuleStrings, atriumI18n, useAtriumTranslation } from "../i18n/atriumI18n";

/** A shareable link to a room, honouring the config's permalink_prefix. */
export function roomPermalink(roomId: string): string {
    return makeRoomPermalink(MatrixClientPeg.safeGet(), roomId);
}

/** Copies text to the clipboard; false when the browser refused. */
export function copyToClipboard(text: string): Promise<boolean> {
    return copyPlaintext(text);
}

export function appConfig(): Readonly<IConfigOptions> {
    return SdkConfig.get();
}

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

export {
    openDirectMessage,
    ownUserId,
    requestOpenIdToken,
    searchUserDirectory,
    showUserProfile,
    USER_DIRECTORY_MAX,
    userAvatarUrl,
    userPresence,
    type OpenIdToken,
    type Presence,
    type UserDirectoryAnswer,
    type UserDirectoryEntry,
} from "./people";
