// The config in use and its state, for the parts of Atrium that follow it live: brand components,
// the notice area and modules subscribe here. SdkConfig stays the source the SDK reads; this
// store says when it changed and why the config is what it is.
import { useEffect, useState } from "react";
import type { IConfigOptions } from "matrix-react-sdk/src/IConfigOptions";
import SdkConfig from "matrix-react-sdk/src/SdkConfig";
import { logger } from "matrix-js-sdk/src/logger";

import type { FallbackReason } from "./configService";

/** The config in use is not the service's current one. */
export interface ConfigFallback {
    /** "last-good": the config saved from the service earlier; "bundled": the platform's own config only. */
    source: "last-good" | "bundled";
    reason: FallbackReason;
    /** For "last-good": when the service gave it (ms since the epoch). */
    savedAt?: number;
}

export interface ConfigState {
    config: Readonly<IConfigOptions> | null;
    fallback: ConfigFallback | null;
    /** Changed settings that apply only after a reload ("/default_server_config/m.homeserver/base_url"). */
    pendingReload: readonly string[];
}

export type ConfigListener = (state: ConfigState) => void;

const INITIAL_STATE: ConfigState = { config: null, fallback: null, pendingReload: [] };

export class ConfigStore {
    private state: ConfigState = INITIAL_STATE;
    private readonly listeners = new Set<ConfigListener>();

    public get(): ConfigState {
        return this.state;
    }

    /** Replaces the given parts of the state and tells every listener. */
    public update(changes: Partial<ConfigState>): void {
        this.state = { ...this.state, ...changes };
        for (const listener of [...this.listeners]) {
            try {
                listener(this.state);
            } catch (error) {
                // One broken subscriber must not keep the others from the change.
                logger.error("Atrium: a config listener failed", error);
            }
        }
    }

    public subscribe(listener: ConfigListener): () => void {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
    }

    /** For tests: no state, no listeners. */
    public reset(): void {
        this.state = INITIAL_STATE;
        this.listeners.clear();
    }
}

export const configStore = new ConfigStore();

/** The store's state; the calling component re-renders when it changes. */
export function useConfigState(store: ConfigStore = configStore): ConfigState {
    const [state, setState] = useState(store.get());
    useEffect(() => {
        setState(store.get()); // a change between render and subscription is not lost
        return store.subscribe(setState);
    }, [store]);
    return state;
}

/** The SDK's config; the calling component re-renders when a live change replaces it. */
export function useAppConfig(store: ConfigStore = configStore): IConfigOptions {
    useConfigState(store);
    return SdkConfig.get();
}
