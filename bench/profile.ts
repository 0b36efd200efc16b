// Where the page's main thread spends its time: a CPU profile through the DevTools protocol, each
// sample's self time attributed to the original source through the build's source maps.
import path from "node:path";

import type { Page } from "playwright-core";

import { sourceGroup, sourceLocator } from "./composition.ts";

interface ProfileNode {
    id: number;
    callFrame: { url: string; lineNumber: number; columnNumber: number; functionName: string };
    children?: number[];
}

export interface CpuProfile {
    /** µs, the profiler's own clock */
    startTime: number;
    nodes: ProfileNode[];
    samples: number[];
    timeDeltas: number[];
}

/** Starts sampling now (every 250 µs); the returned function stops and gives the profile. */
export async function startCpuProfile(page: Page): Promise<() => Promise<CpuProfile>> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 250 });
    await cdp.send("Profiler.start");
    return async () => {
        const { profile } = (await cdp.send("Profiler.stop")) as { profile: CpuProfile };
        await cdp.detach();
        return profile;
    };
}

/**
 * A profiling name for a source: the SDKs by folder (matrix-react-sdk/src/stores/room-list), other
 * packages by name, Atrium by its top folders.
 */
export function profileGroup(source: string): string {
    const sdk = /node_modules\/(matrix-react-sdk|matrix-js-sdk)\/src\/(.*)$/.exec(source);
    if (sdk) {
        const folders = sdk[2].split("/").slice(0, -1).slice(0, 2);
        return [sdk[1], ...folders].join("/") || sdk[1];
    }
    return sourceGroup(source);
}

/** A stretch of the profile, ms after it started. */
export interface ProfileWindow {
    fromMs: number;
    toMs: number;
}

/**
 * Self time in ms per source group, for scripts served from `webappDir` at `origin`; only samples
 * inside `window` when one is given.
 */
export async function attributeProfile(
    profile: CpuProfile,
    webappDir: string,
    origin: string,
    window?: ProfileWindow,
): Promise<Map<string, number>> {
    const locators = new Map<string, Awaited<ReturnType<typeof sourceLocator>>>();
    const groupOfNode = new Map<number, string>();
    for (const node of profile.nodes) {
        const { url, lineNumber, columnNumber, functionName } = node.callFrame;
        let group: string;
        if (!url) group = functionName.startsWith("(") ? functionName : "(native)";
        else if (url.startsWith("wasm://")) group = "(WebAssembly: crypto)";
        else if (!url.startsWith(origin)) group = "(other origin)";
        else {
            const file = path.join(webappDir, decodeURIComponent(new URL(url).pathname));
            if (!locators.has(file)) locators.set(file, await sourceLocator(file));
            const locate = locators.get(file);
            const source = locate ? locate(lineNumber, columnNumber) : null;
            group = source ? profileGroup(source) : `(unmapped) ${path.basename(file)}`;
        }
        groupOfNode.set(node.id, group);
    }
    const totals = new Map<string, number>();
    // timeDeltas[i] is the time before sample i: sample i lasts until sample i + 1.
    let at = 0; // ms after the profile's start
    for (let i = 0; i < profile.samples.length - 1; i++) {
        at += profile.timeDeltas[i] / 1000;
        if (window && (at < window.fromMs || at >= window.toMs)) continue;
        const group = groupOfNode.get(profile.samples[i]) ?? "(unknown)";
        totals.set(group, (totals.get(group) ?? 0) + profile.timeDeltas[i + 1] / 1000);
    }
    return totals;
}
