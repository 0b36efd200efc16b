import React from "react";
import { ModuleRunner } from "matrix-react-sdk/src/modules/ModuleRunner";
import { WrapperLifecycle, type WrapperOpts } from "@matrix-org/react-sdk-module-api/lib/lifecycles/WrapperLifecycle";

/**
 * What the module API's modules put around the app, asked once before it renders, as Element Web
 * asks: the opts start with a Fragment and each module's WrapperLifecycle.Wrapper listener may
 * replace it (a module that wraps should keep the wrapper it found inside its own).
 */
export function moduleWrapper(): WrapperOpts["Wrapper"] {
    const opts: WrapperOpts = { Wrapper: React.Fragment };
    ModuleRunner.instance.invoke(WrapperLifecycle.Wrapper, opts);
    return opts.Wrapper;
}
