// Each room's policy, and the compact look its badge shows on tiles and nodes, kept for the signed-in
// client: tiles, nodes and the header read them on every render, and a list of thousands of rooms must
// not recompute them each time. The looks of every room the client knows are also computed ahead, in
// idle time after the first sync (as the SDK's room-list store sorts rooms before its list is drawn),
// so a list shown later (the navigator opened, a branch expanded, a fast scroll) finds them ready,
// and the first render pays only for drawing them. One set of listeners on the client serves every
// badge; a new sign-in (another client) starts afresh.
import { useEffect, useState } from "react";
import {
    atriumI18n,
    clientSession,
    currentUserId,
    knownRoomIds,
    moduleSettings,
    onClientSynced,
    onModuleSettingsChange,
    onRoomStateChange,
    serverOfUserId,
} from "@atrium/sdk";

import { readCatalogue, type Catalogue, type CatalogueSettings } from "./catalogue";
import { compactParts, type CompactParts } from "./compactParts";
import { IdleQueue } from "./idleQueue";
import { evaluateRoom, type RoomPolicy } from "./policy";
import { readRoomFacts } from "./roomFacts";
import { policyLanguage, policyString } from "./strings";

export const MODULE_NAME = "policy-badges";

let catalogueCache: Catalogue | null = null;
let reportedProblems = "";
const policies = new Map<string, RoomPolicy>();
const looks = new Map<string, CompactParts>();
const listeners = new Map<string, Set<() => void>>();
/** The client whose rooms are cached, and how to stop hearing it. */
let session: object | null = null;
let stopWatching: (() => void) | null = null;

/** A look found ahead is kept without its policy: ten thousand policies would weigh megabytes. */
const ahead = new IdleQueue((roomId) => {
    if (looks.has(roomId) || clientSession() !== session) return;
    const policy = policies.get(roomId) ?? evaluateRoom(readRoomFacts(roomId), currentCatalogue());
    looks.set(roomId, compactParts(policy, policyString, policyLanguage()));
});

/**
 * Follows the signed-in client: hears its changes, so what is computed can be kept. False while no
 * one is signed in (then nothing is kept).
 */
function ensureWatching(): boolean {
    const current = clientSession();
    if (current === session) return current !== null;
    stopWatching?.();
    stopWatching = null;
    session = current;
    forgetAll();
    if (!current) return false;
    const offState = onRoomStateChange((roomId) => invalidate(roomId));
    const offSettings = onModuleSettingsChange(MODULE_NAME, () => invalidate(null));
    // What a badge shows is in the current language: the looks are found again, the policies stay.
    const onLanguage = (): void => notifySoon(null, true);
    atriumI18n.on("languageChanged", onLanguage);
    const offSynced = onClientSynced(() => ahead.add(knownRoomIds()));
    stopWatching = () => {
        offState();
        offSettings();
        offSynced();
        atriumI18n.off("languageChanged", onLanguage);
    };
    return true;
}

function forgetAll(): void {
    policies.clear();
    looks.clear();
    catalogueCache = null;
    ahead.clear();
}

/** The catalogue from the live config; kept only while the config's changes are heard. */
export function currentCatalogue(): Catalogue {
    if (!catalogueCache || !stopWatching) {
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
    const watching = ensureWatching();
    let policy = policies.get(roomId);
    if (!policy) {
        policy = evaluateRoom(readRoomFacts(roomId), currentCatalogue());
        // Kept only while the client's changes are heard, so it cannot go stale.
        if (watching) policies.set(roomId, policy);
    }
    return policy;
}

/** What the room's compact badge shows, in the current language: found ahead, or now. */
export function compactLook(roomId: string): CompactParts {
    const watching = ensureWatching();
    const language = policyLanguage();
    const known = watching ? looks.get(roomId) : undefined;
    if (known?.language === language) return known;
    const look = compactParts(roomPolicy(roomId), policyString, language);
    if (watching) looks.set(roomId, look);
    return look;
}

/**
 * Finds the looks still missing now rather than in idle time; the number found. For the bench page
 * (what the idle time after the first sync does, timed) and tests.
 */
export function computeLooksAhead(): number {
    if (!ensureWatching()) return 0;
    const before = looks.size;
    ahead.add(knownRoomIds());
    ahead.drain();
    return looks.size - before;
}

/** The change the next notice tells of: its rooms ("all": every room), and whether only the words changed. */
let pending: { rooms: Set<string> | "all"; wordsOnly: boolean } | null = null;

/**
 * Tells the badges showing the rooms, once the current change is complete: the js-sdk emits a state
 * event before it updates the room's member list, and a sync brings many events at once.
 */
function notifySoon(roomId: string | null, wordsOnly = false): void {
    const first = pending === null;
    const change = pending ?? { rooms: new Set<string>(), wordsOnly: true };
    if (roomId === null) change.rooms = "all";
    else if (change.rooms !== "all") change.rooms.add(roomId);
    change.wordsOnly &&= wordsOnly;
    pending = change;
    if (!first) return;
    queueMicrotask(() => {
        const { rooms, wordsOnly: keepPolicies } = change;
        pending = null;
        // Anything read mid-change is forgotten again, and found again ahead once the change is complete.
        if (rooms === "all") {
            if (!keepPolicies) policies.clear();
            looks.clear();
        } else rooms.forEach((id) => (policies.delete(id), looks.delete(id)));
        if (session) ahead.add(rooms === "all" ? knownRoomIds() : rooms);
        const targets = rooms === "all" ? [...listeners.values()] : [...rooms].map((id) => listeners.get(id));
        for (const set of targets) set?.forEach((listener) => listener());
    });
}

/** Forgets what was computed (a room's, or everything) and tells the badges showing it. */
export function invalidate(roomId: string | null): void {
    if (roomId) {
        policies.delete(roomId);
        looks.delete(roomId);
    } else {
        policies.clear();
        looks.clear();
        catalogueCache = null;
    }
    notifySoon(roomId);
}

/**
 * Calls `listener` when what the room's badges show may have changed (its policy, the config, the
 * language), once the change is complete; returns the unsubscribe.
 */
export function onRoomChange(roomId: string, listener: () => void): () => void {
    let set = listeners.get(roomId);
    if (!set) listeners.set(roomId, (set = new Set()));
    set.add(listener);
    return () => {
        set!.delete(listener);
        if (set!.size === 0) listeners.delete(roomId);
    };
}

/**
 * The room's policy, re-rendering the caller only when it changes (by identity): when the room's
 * state changes, the config changes, and on a change of language.
 */
export function useRoomPolicy(roomId: string): RoomPolicy {
    const [policy, setPolicy] = useState(() => roomPolicy(roomId));
    useEffect(() => {
        const update = (): void => setPolicy(roomPolicy(roomId));
        const unsubscribe = onRoomChange(roomId, update);
        update(); // a change between the render and this effect
        return unsubscribe;
    }, [roomId]);
    return policy;
}
