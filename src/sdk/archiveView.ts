// The SDK's heavier pieces the archive module (modules/archive) uses: opening a room, a dialog in
// the SDK's modal layer, and the SDK's chat exporter (HTML as a ZIP with messages.html, its styles
// and media; plain text; JSON) with its progress and cancel. It loads the SDK's exporters, room
// view actions and modal: only the module's lazily loaded components import it.
import React from "react";
import { MatrixClientPeg } from "matrix-react-sdk/src/MatrixClientPeg";
import dis from "matrix-react-sdk/src/dispatcher/dispatcher";
import { Action } from "matrix-react-sdk/src/dispatcher/actions";
import Modal from "matrix-react-sdk/src/Modal";
import BaseDialog from "matrix-react-sdk/src/components/views/dialogs/BaseDialog";
import HTMLExporter from "matrix-react-sdk/src/utils/exportUtils/HtmlExport";
import PlainTextExporter from "matrix-react-sdk/src/utils/exportUtils/PlainTextExport";
import JSONExporter from "matrix-react-sdk/src/utils/exportUtils/JSONExport";
import { ExportType } from "matrix-react-sdk/src/utils/exportUtils/exportUtils";

/** Shows a room in the main view, as a click on it in the room list does. */
export function viewRoom(roomId: string): void {
    dis.dispatch({ action: Action.ViewRoom, room_id: roomId, metricsTrigger: undefined });
}

/**
 * Opens a dialog in the SDK's modal layer (focus kept inside, Escape closes). `render` gets a
 * `close` to call when done; the promise resolves when the dialog has closed.
 */
export function openDialog(
    title: string,
    render: (close: () => void) => React.ReactNode,
    className?: string,
): Promise<void> {
    function ModuleDialog({ onFinished }: { onFinished(): void }): JSX.Element {
        return React.createElement(BaseDialog, { title, onFinished, className, fixedWidth: false }, render(onFinished));
    }
    const { finished } = Modal.createDialog(ModuleDialog, {});
    return finished.then(() => undefined);
}

export type ExportFormatName = "html" | "text" | "json";

export interface RunningExport {
    /** Resolves when the file has been handed to the browser ("done") or the export stopped ("cancelled"). */
    done: Promise<"done" | "cancelled">;
    cancel(): void;
}

const EXPORTERS = { html: HTMLExporter, text: PlainTextExporter, json: JSONExporter };
/** Attachments up to this size go into the export (the SDK's limit is 8 GB). */
const MAX_EXPORT_BYTES = 500 * 1024 * 1024;

/** Exports a room's whole history (from its beginning, attachments included) as a browser download. */
export function exportRoom(
    roomId: string,
    format: ExportFormatName,
    onProgress: (text: string) => void,
): RunningExport {
    const room = MatrixClientPeg.get()?.getRoom(roomId);
    if (!room) return { done: Promise.reject(new Error(`Unknown room ${roomId}`)), cancel: () => {} };
    let cancelled = false;
    const setProgress = (text: string | ((previous: string) => string)): void => {
        if (typeof text === "string") onProgress(text);
    };
    const exporter = new EXPORTERS[format](
        room,
        ExportType.Beginning,
        { attachmentsIncluded: true, maxSize: MAX_EXPORT_BYTES },
        setProgress as React.Dispatch<React.SetStateAction<string>>,
    );
    return {
        done: exporter.export().then(() => (cancelled ? "cancelled" : "done")),
        cancel: () => {
            cancelled = true;
            void exporter.cancelExport();
        },
    };
}
