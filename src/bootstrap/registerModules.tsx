import React, { type PropsWithChildren } from "react";
import { ModuleRunner } from "matrix-react-sdk/src/modules/ModuleRunner";
import { registerCustomTranslations } from "matrix-react-sdk/src/languageHandler";
import type { ModuleFactory } from "matrix-react-sdk/src/modules/ModuleFactory";
import { WrapperLifecycle, type WrapperOpts } from "@matrix-org/react-sdk-module-api/lib/lifecycles/WrapperLifecycle";
import { logger } from "matrix-js-sdk/src/logger";

import { ATRIUM_MODULES } from "../../modules";
import { moduleSettings } from "../sdk";
import { useConfigState } from "../config/configStore";

type Wrapper = WrapperOpts["Wrapper"];

/** Re-renders a module's wrapper on each live config change, so a wrapper that reads its settings follows them. */
function followingConfig(ModuleWrapper: Wrapper): Wrapper {
    return function ConfigFollowingWrapper({ children }: PropsWithChildren<Record<never, never>>): JSX.Element {
        useConfigState();
        return <ModuleWrapper>{children}</ModuleWrapper>;
    };
}

/**
 * The module's lifecycle listeners hear an event only while `atrium.modules.<name>` leaves the module
 * on, so a module written for the plain module API (which knows nothing of Atrium's settings) is
 * switched per tenant too. The SDK asks for header buttons at each room view (so they follow live),
 * and for the app's wrapper once, before the app renders (so turning a wrapper on waits for a reload).
 */
export function gatedBySettings(name: string, factory: ModuleFactory): ModuleFactory {
    return (api) => {
        const module = factory(api);
        const emit = module.emit.bind(module);
        // The SDK reaches a module's listeners only through emit (ModuleRunner.invoke).
        module.emit = (event: string | symbol, ...args: unknown[]): boolean => {
            if (!moduleSettings(name).enabled) return false;
            try {
                if (event !== WrapperLifecycle.Wrapper) return emit(event, ...args);
                const opts = args[0] as WrapperOpts;
                const before = opts.Wrapper;
                const heard = emit(event, opts);
                if (opts.Wrapper !== before) opts.Wrapper = followingConfig(opts.Wrapper);
                return heard;
            } catch (error) {
                // The SDK asks the modules in turn: one that throws must not keep the others from answering.
                logger.error(`Atrium module ${name} failed on ${String(event)}`, error);
                return false;
            }
        };
        return module;
    };
}

/** Registers every Atrium module with the SDK's module API. A module that fails stays off alone. */
export function registerModules(): string[] {
    const registered: string[] = [];
    for (const { name, factory } of ATRIUM_MODULES) {
        try {
            ModuleRunner.instance.registerModule(gatedBySettings(name, factory));
            registered.push(name);
        } catch (error) {
            logger.error(`Atrium module ${name} failed to register and stays off`, error);
        }
    }
    // The language step, running meanwhile, may have taken the modules' translations before they were
    // registered: hand them to the SDK's translation engine now as well.
    registerCustomTranslations().catch((error) => logger.error("Atrium: could not add the modules' strings", error));
    return registered;
}
