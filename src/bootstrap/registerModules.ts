import { ModuleRunner } from "matrix-react-sdk/src/modules/ModuleRunner";
import { logger } from "matrix-js-sdk/src/logger";

import { ATRIUM_MODULES } from "../../modules";

/** Registers every Atrium module with the SDK's module API. A module that fails stays off alone. */
export function registerModules(): string[] {
    const registered: string[] = [];
    for (const { name, factory } of ATRIUM_MODULES) {
        try {
            ModuleRunner.instance.registerModule(factory);
            registered.push(name);
        } catch (error) {
            logger.error(`Atrium module ${name} failed to register and stays off`, error);
        }
    }
    return registered;
}
