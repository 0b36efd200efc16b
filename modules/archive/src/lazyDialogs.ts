// The dialogs load with the SDK's modal and exporter, on first use only.
export const loadDialogs = (): Promise<typeof import("./components/dialogs")> =>
    import(/* webpackChunkName: "archive-dialogs" */ "./components/dialogs");

export function openArchiveDialog(roomIds: readonly string[], defaultReason = ""): void {
    void loadDialogs().then((dialogs) => dialogs.openArchiveDialog(roomIds, defaultReason));
}

export function openRestoreDialog(roomId: string): void {
    void loadDialogs().then((dialogs) => dialogs.openRestoreDialog(roomId));
}

export function openExportDialog(roomId: string): void {
    void loadDialogs().then((dialogs) => dialogs.openExportDialog(roomId));
}

export function openOptionsDialog(roomId: string): void {
    void loadDialogs().then((dialogs) => dialogs.openOptionsDialog(roomId));
}
