// Which left panel a user gets: the space navigator or Element's classic room list. The config
// decides whether the navigator exists at all (`atrium.modules.space-navigator.enabled`) and which
// one people start with (`default_view`); each user's own choice, once made, wins and is remembered.
import { moduleSettings, onModuleSettingsChange } from "@atrium/sdk";

import { loadViewChoice, saveViewChoice, type NavigatorView } from "./userState";

export const MODULE_NAME = "space-navigator";

export interface SpaceNavigatorSettings {
    default_view: NavigatorView;
}

export function currentView(userId: string | null | undefined): NavigatorView {
    const settings = moduleSettings<SpaceNavigatorSettings>(MODULE_NAME);
    if (!settings.enabled) return "classic";
    return (userId ? loadViewChoice(userId) : undefined) ?? settings.default_view ?? "navigator";
}

const listeners = new Set<() => void>();

export function chooseView(userId: string, view: NavigatorView): void {
    saveViewChoice(userId, view);
    listeners.forEach((listener) => listener());
}

/** Calls `listener` when a user switches views or a live config change may have switched it. */
export function onViewChange(listener: () => void): () => void {
    listeners.add(listener);
    const stopConfig = onModuleSettingsChange(MODULE_NAME, listener);
    return () => {
        listeners.delete(listener);
        stopConfig();
    };
}
