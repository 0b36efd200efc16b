// Each room's policy, computed once and kept until its state or the config changes: tiles, nodes and
// the header read it on every render, and a list of thousands of rooms must not recompute it each
// time. One listener on the client serves every badge on screen.
import { useEffect, useState } from "react";
import {
    atriumI18n,
    currentUserId,
    moduleSettings,
    onModuleSettingsChange,
    onRoomStateChange,
    serverOfUserId,
} from "@atrium/sdk";

import { readCatalogue, type Catalogue, type CatalogueSettings } from "./catalogue";
import { evaluateRoom, type RoomPolicy } from "./policy";
import { readRoomFacts } from "./roomFacts";

export const MODULE_NAME = "policy-badges";

let catalogueCache: Catalogue | null = null;
let reportedProblems = "";
const policies = new Map<string, RoomPolicy>();
const listeners = new Map<string, Set<() => void>>();
let stopListening: (() => void) | null = null;

/** The catalogue from the live config; kept only while something listens for config changes. */
export function currentCatalogue(): Catalogue {
    if (!catalogueCache || !stopListening) {
        const me = currentUserId();
        const { catalogue, problems } = readCatalogue(
            moduleSettings<CatalogueSettings>(MODULE_NAME),
            me ? serverOfUserId(me) : null,
        );
        const report = problems.join("; ");
        if (report && report !== reportedProblems) console.warn(`Atrium policy badges: ${report}`);
        reportedProblems = report;
        catalogueCache = catalogue;
    }
    return catalogueCache;
}

export function roomPolicy(roomId: string): RoomPolicy {
    let policy = policies.get(roomId);
    if (!policy) {
        policy = evaluateRoom(readRoomFacts(roomId), currentCatalogue());
        // Kept only while the client's changes are heard, so it cannot go stale.
        if (stopListening) policies.set(roomId, policy);
    }
    return policy;
}

let pending: Set<string> | "all" | null = null;

/**
 * Tells the badges showing the rooms, once the current change is complete: the js-sdk emits a state
 * event before it updates the room's member list, and a sync brings many events at once.
 */
function notifySoon(roomId: string | null): void {
    const first = pending === null;
    if (roomId === null || pending === "all") pending = "all";
    else {
        const rooms: Set<string> = pending ?? new Set();
        rooms.add(roomId);
        pending = rooms;
    }
    if (!first) return;
    queueMicrotask(() => {
        const rooms = pending;
        pending = null;
        // Anything read mid-change is forgotten again.
        if (rooms === "all") policies.clear();
        else rooms?.forEach((id) => policies.delete(id));
        const targets = rooms === "all" ? [...listeners.values()] : [...(rooms ?? [])].map((id) => listeners.get(id));
        for (const set of targets) set?.forEach((listener) => listener());
    });
}

/** Forgets what was computed (a room's, or everything) and tells the badges showing it. */
export function invalidate(roomId: string | null): void {
    if (roomId) policies.delete(roomId);
    else {
        policies.clear();
        catalogueCache = null;
    }
    notifySoon(roomId);
}

/** Starts hearing the client's changes (once), so what is computed from now on can be kept. */
function listenForChanges(): void {
    if (!stopListening) startListening();
}

function startListening(): void {
    const offState = onRoomStateChange((roomId) => invalidate(roomId));
    const offSettings = onModuleSettingsChange(MODULE_NAME, () => invalidate(null));
    // What a badge shows is in the current language: every reader looks again.
    const onLanguage = (): void => notifySoon(null);
    atriumI18n.on("languageChanged", onLanguage);
    stopListening = () => {
        offState();
        offSettings();
        atriumI18n.off("languageChanged", onLanguage);
    };
}

function subscribe(roomId: string, listener: () => void): () => void {
    listenForChanges();
    let set = listeners.get(roomId);
    if (!set) listeners.set(roomId, (set = new Set()));
    set.add(listener);
    return () => {
        set!.delete(listener);
        if (set!.size === 0) listeners.delete(roomId);
        if (listeners.size === 0 && stopListening) {
            stopListening();
            stopListening = null;
            // Nothing listens for changes now: what is cached could go stale.
            policies.clear();
        }
    };
}

const samePolicy = (policy: RoomPolicy): RoomPolicy => policy;

/** The room's policy, re-rendering the caller when it changes. */
export function useRoomPolicy(roomId: string): RoomPolicy {
    return useRoomPolicyValue(roomId, samePolicy);
}

/**
 * What `select` makes of the room's policy, re-rendering the caller only when that changes (by
 * identity): when the policy changes, and on a change of language, `select` is asked again.
 * `select` is a function defined once, outside the component.
 */
export function useRoomPolicyValue<T>(roomId: string, select: (policy: RoomPolicy) => T): T {
    // Listening from the first render on lets the policy computed for it be kept: the tile's and
    // the node's other readers, and the effect below, get the same object instead of computing it
    // again (and re-rendering every row of a long list once more for an equal policy).
    const [value, setValue] = useState(() => {
        listenForChanges();
        return select(roomPolicy(roomId));
    });
    useEffect(() => {
        const update = (): void => setValue(select(roomPolicy(roomId)));
        const unsubscribe = subscribe(roomId, update);
        update(); // a change between the render and this effect
        return unsubscribe;
    }, [roomId, select]);
    return value;
}
