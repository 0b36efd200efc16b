// The keyboard shortcut that opens and closes the directory: Ctrl+Shift+Y (⌘⇧Y on macOS), matched by
// the key's position (`code`) so it is the same key on every keyboard layout. Element uses neither.

export function isDirectoryShortcut(
    event: Pick<KeyboardEvent, "code" | "ctrlKey" | "metaKey" | "shiftKey" | "altKey">,
    mac: boolean,
): boolean {
    const primary = mac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
    return primary && event.shiftKey && !event.altKey && event.code === "KeyY";
}

export const isMac = (): boolean => typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);
