// The config as layers: the platform's base config, the config service's on top (objects merge,
// arrays replace), then Atrium's defaults. At start the service gets one short chance; when it is
// down, slow or wrong, the last good copy (or the base alone) is used and the store says why.
// While running, the service is asked again every revalidate_seconds with the ETag in hand: what
// can change live is applied, what needs a reload is offered, anything invalid is ignored.
import type { IConfigOptions } from "matrix-react-sdk/src/IConfigOptions";
import isEqual from "lodash/isEqual";
import { logger } from "matrix-js-sdk/src/logger";

import { Brand, brandFromConfig } from "../brand/brand";
import { withAtriumDefaults } from "./atriumDefaults";
import { changedPaths, formatConfigPath, isLivePath, withLiveParts } from "./configChanges";
import {
    ConfigServiceSettings,
    configServiceSettings,
    describeFallbackReason,
    FallbackReason,
    fetchServiceConfig,
    isInvalidAnswer,
} from "./configService";
import { ConfigFallback, ConfigStore, configStore } from "./configStore";
import { deepMerge, isPlainObject, PlainObject } from "../../contract/deepMerge";
import { browserStorage, readLastGood, writeLastGood } from "./lastGoodConfig";

/** What a live change does outside the config itself (the bootstrap gives the real ones). */
export interface LiveConfigEffects {
    /** Hands the changed config to the SDK. */
    putConfig(config: IConfigOptions): void;
    /** Shows a changed brand: title, colours, theme. */
    showBrand(before: Brand, after: Brand): void;
}

export interface LiveConfigOptions {
    effects: LiveConfigEffects;
    fetch?: typeof fetch;
    storage?: Storage | null;
    now?: () => number;
    /** The app's address, against which a relative service URL resolves. */
    appUrl?: string;
    store?: ConfigStore;
}

interface Deps {
    effects: LiveConfigEffects;
    fetch: typeof fetch;
    storage: Storage | null;
    now: () => number;
    store: ConfigStore;
}

/** Where the service is, the base config's business only: a service config cannot move the service. */
function asServiceLayer(config: PlainObject): PlainObject {
    const atrium = config.atrium;
    if (!isPlainObject(atrium) || !Object.hasOwn(atrium, "config_service")) return config;
    const { config_service: _ignored, ...rest } = atrium;
    return { ...config, atrium: rest };
}

export class LiveConfig {
    /** Base plus the service layer, as far as it is applied: live parts current, the rest as at start. */
    private applied: PlainObject;
    private current: IConfigOptions;
    private pendingReload: string[] = [];
    private timer: ReturnType<typeof setTimeout> | null = null;
    private stopped = false;
    private inFlight: Promise<void> | null = null;

    private constructor(
        private readonly base: PlainObject,
        public readonly settings: ConfigServiceSettings | null,
        private readonly deps: Deps,
        private layer: PlainObject | null,
        private etag: string | null,
        private fallback: ConfigFallback | null,
    ) {
        this.applied = layer ? deepMerge(base, asServiceLayer(layer)) : deepMerge({}, base);
        this.current = withAtriumDefaults(this.applied);
        this.publish();
    }

    /**
     * The config to start with. Never throws and never waits longer than the service's timeout:
     * whatever happens there, the result is a config Atrium can start from.
     */
    public static async open(base: PlainObject, options: LiveConfigOptions): Promise<LiveConfig> {
        const deps: Deps = {
            effects: options.effects,
            fetch: options.fetch ?? ((...args) => globalThis.fetch(...args)),
            storage: options.storage === undefined ? browserStorage() : options.storage,
            now: options.now ?? Date.now,
            store: options.store ?? configStore,
        };
        let settings: ConfigServiceSettings | null = null;
        try {
            settings = configServiceSettings(base, options.appUrl);
            if (!settings) return new LiveConfig(base, null, deps, null, null, null);
            const stored = readLastGood(settings.url, deps.storage);
            const answer = await fetchServiceConfig(settings, { etag: stored?.etag, fetch: deps.fetch });
            if (answer.kind === "config") {
                // Saved only once a config was built from it: what cannot start the app is not "good".
                const live = new LiveConfig(base, settings, deps, answer.config, answer.etag, null);
                writeLastGood(
                    { config: answer.config, etag: answer.etag, fetchedAt: deps.now(), source: settings.url },
                    deps.storage,
                );
                return live;
            }
            if (answer.kind === "not-modified" && stored) {
                const live = new LiveConfig(base, settings, deps, stored.config, stored.etag, null);
                writeLastGood({ ...stored, fetchedAt: deps.now() }, deps.storage);
                return live;
            }
            const reason: FallbackReason = answer.kind === "failed" ? answer.reason : { kind: "http", status: 304 };
            logger.warn(
                `Atrium: the config service (${settings.url}) is not usable, ${describeFallbackReason(reason)}; ` +
                    `starting from ${stored ? "the last saved config" : "the bundled config"}`,
            );
            if (stored) {
                return new LiveConfig(base, settings, deps, stored.config, stored.etag, {
                    source: "last-good",
                    reason,
                    savedAt: stored.fetchedAt,
                });
            }
            return new LiveConfig(base, settings, deps, null, null, { source: "bundled", reason });
        } catch (error) {
            // A bug here must not cost the start: the base config still works.
            logger.error("Atrium: the config service step failed; starting from the bundled config", error);
            const message = error instanceof Error ? error.message : String(error);
            const fallback: ConfigFallback | null = settings
                ? { source: "bundled", reason: { kind: "error", message } }
                : null;
            return new LiveConfig(base, settings, deps, null, null, fallback);
        }
    }

    /** The config in use, Atrium's defaults included. */
    public get config(): IConfigOptions {
        return this.current;
    }

    /** Asks the service again (with the ETag in hand) and applies what changed. Never throws. */
    public revalidate(): Promise<void> {
        if (!this.settings) return Promise.resolve();
        this.inFlight ??= this.askService().finally(() => {
            this.inFlight = null;
        });
        return this.inFlight;
    }

    /** Revalidates every revalidate_seconds while the page is visible, until stop(). */
    public startRevalidating(): void {
        if (!this.settings || this.timer !== null || this.stopped) return;
        this.timer = setTimeout(async () => {
            this.timer = null;
            if (document.visibilityState !== "hidden") await this.revalidate();
            this.startRevalidating();
        }, this.settings.revalidateSeconds * 1000);
    }

    public stop(): void {
        this.stopped = true;
        if (this.timer !== null) clearTimeout(this.timer);
        this.timer = null;
    }

    private async askService(): Promise<void> {
        const settings = this.settings!;
        try {
            const answer = await fetchServiceConfig(settings, { etag: this.etag, fetch: this.deps.fetch });
            if (answer.kind === "failed") {
                const what = describeFallbackReason(answer.reason);
                if (isInvalidAnswer(answer.reason))
                    logger.error(`Atrium: ignoring an invalid config update (${what}); keeping the config in use`);
                else logger.warn(`Atrium: the config service is not reachable (${what}); keeping the config in use`);
                return;
            }
            if (answer.kind === "not-modified") {
                // The config in use is the service's current one, even if it came from the saved copy.
                if (this.layer)
                    writeLastGood(
                        { config: this.layer, etag: this.etag, fetchedAt: this.deps.now(), source: settings.url },
                        this.deps.storage,
                    );
                if (this.fallback) {
                    this.fallback = null;
                    this.publish();
                }
                return;
            }
            this.apply(answer.config); // throws before changing anything when no config can be built from it
            writeLastGood(
                { config: answer.config, etag: answer.etag, fetchedAt: this.deps.now(), source: settings.url },
                this.deps.storage,
            );
            this.layer = answer.config;
            this.etag = answer.etag;
            this.fallback = null;
            this.publish();
        } catch (error) {
            logger.error("Atrium: revalidating the config failed", error);
        }
    }

    private apply(layer: PlainObject): void {
        const next = deepMerge(this.base, asServiceLayer(layer));
        // Built in full before anything is committed, so a failure leaves the config in use as it was.
        withAtriumDefaults(next);
        const changes = changedPaths(this.applied, next);
        const pendingReload = changes.filter((path) => !isLivePath(path)).map(formatConfigPath);
        const live = changes.some(isLivePath);
        const applied = live ? withLiveParts(this.applied, next) : this.applied;
        const current = live ? withAtriumDefaults(applied) : this.current;
        this.pendingReload = pendingReload;
        if (!live) return;
        const brandBefore = brandFromConfig(this.current);
        this.applied = applied;
        this.current = current;
        const brandAfter = brandFromConfig(this.current);
        try {
            this.deps.effects.putConfig(this.current);
            if (!isEqual(brandBefore, brandAfter)) this.deps.effects.showBrand(brandBefore, brandAfter);
        } catch (error) {
            logger.error("Atrium: applying the config change failed", error);
        }
    }

    private publish(): void {
        this.deps.store.update({ config: this.current, fallback: this.fallback, pendingReload: this.pendingReload });
    }
}
