// The one registry of what modules contribute to the slots (src/sdk/slots.ts). The declared
// wrappers in src/seams read it; modules write to it. A contribution of a module switched off in
// the config (`atrium.modules.<name>.enabled: false`) stays registered but is not handed out, so a
// live config change takes it away and brings it back.
import { useEffect, useReducer } from "react";

import { configStore } from "../config/configStore";
import { moduleSettings } from "./moduleSettings";
import type { SlotMap, SlotName } from "./slots";

const registered = new Map<SlotName, SlotMap[SlotName][]>();
const listeners = new Set<() => void>();

function notify(): void {
    for (const listener of [...listeners]) listener();
}

function byOrder(a: { order?: number; id: string }, b: { order?: number; id: string }): number {
    return (a.order ?? 0) - (b.order ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Adds a contribution to a slot; returns a function that removes it again. A second contribution
 * with the same id in the same slot is refused: two modules must never fight over one place.
 */
export function contribute<K extends SlotName>(slot: K, contribution: SlotMap[K]): () => void {
    const list = registered.get(slot) ?? [];
    if (list.some((existing) => existing.id === contribution.id)) {
        throw new Error(`The ${slot} slot already has a contribution "${contribution.id}"`);
    }
    registered.set(slot, [...list, contribution].sort(byOrder));
    notify();
    return () => {
        const current = registered.get(slot) ?? [];
        if (!current.includes(contribution)) return;
        registered.set(
            slot,
            current.filter((c) => c !== contribution),
        );
        notify();
    };
}

/** Each slot's last answer: handed out again while the same contributions are enabled. */
const lastAnswers = new Map<SlotName, readonly SlotMap[SlotName][]>();

/**
 * What the enabled modules contribute to a slot, in order: the same array as long as they are the
 * same, so a caller can compare it or keep work made from it (React deps, memos) without keys of its own.
 */
export function contributionsTo<K extends SlotName>(slot: K): readonly SlotMap[K][] {
    const list = (registered.get(slot) ?? []) as SlotMap[K][];
    const enabled = list.filter((contribution) => moduleSettings(contribution.module).enabled);
    const last = lastAnswers.get(slot) as readonly SlotMap[K][] | undefined;
    if (last && last.length === enabled.length && enabled.every((contribution, i) => contribution === last[i]))
        return last;
    lastAnswers.set(slot, enabled);
    return enabled;
}

/**
 * Calls `listener` when contributions come or go, or when a config change may have switched a
 * module on or off. Returns the unsubscribe.
 */
export function onSlotsChange(listener: () => void): () => void {
    listeners.add(listener);
    const stopConfig = configStore.subscribe(listener);
    return () => {
        listeners.delete(listener);
        stopConfig();
    };
}

/** A slot's contributions for a component, re-rendering it when they change. */
export function useSlot<K extends SlotName>(slot: K): readonly SlotMap[K][] {
    const [, rerender] = useReducer((n: number) => n + 1, 0);
    useEffect(() => onSlotsChange(rerender), []);
    return contributionsTo(slot);
}

/** Tests only: forget every contribution. */
export function clearSlotsForTests(): void {
    registered.clear();
    notify();
}
