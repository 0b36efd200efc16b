// Which contributed panels are open: a left-panel view opened on demand (the room list's place) and
// a right-panel card. One small store each, so a space-bar button, a keyboard shortcut and the
// view's own close button agree on what is open.
const listeners = new Set<() => void>();
let openLeftView: string | null = null;
let openRightCard: string | null = null;

function notify(): void {
    for (const listener of [...listeners]) listener();
}

/** Calls `listener` whenever a contributed panel opens or closes; returns the unsubscribe. */
export function onPanelsChange(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
}

/** Shows the left-panel view `id` (a LeftPanelView contribution) in the room list's place. */
export function openLeftPanelView(id: string): void {
    if (openLeftView === id) return;
    openLeftView = id;
    notify();
}

/** Closes the opened left-panel view (all of them when no id is given); the default view returns. */
export function closeLeftPanelView(id?: string): void {
    if (openLeftView === null || (id !== undefined && openLeftView !== id)) return;
    openLeftView = null;
    notify();
}

export function openedLeftPanelView(): string | null {
    return openLeftView;
}

/** Opens the right-panel card `id` (a RightPanelCard contribution) for the room on screen. */
export function openRightPanelCard(id: string): void {
    openRightCard = id;
    notify();
}

export function closeRightPanelCard(id?: string): void {
    if (openRightCard === null || (id !== undefined && openRightCard !== id)) return;
    openRightCard = null;
    notify();
}

export function openedRightPanelCard(): string | null {
    return openRightCard;
}
