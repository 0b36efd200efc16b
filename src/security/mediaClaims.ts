// CVE-2024-51749: a sender controls every field of a media event. An m.image whose thumbnail shows a
// holiday photo can carry "invoice.exe"; the tile shows the photo and the download saves the program.
// So the image/video/sticker views are used only when the declared mimetype and the file's name agree;
// anything else is shown as a plain file, which names what the download really is.
import type { MatrixEvent } from "matrix-js-sdk/src/matrix";

type MediaFamily = "image" | "video";

/** The extensions a name may carry for each mimetype shown inline. */
const EXTENSIONS_BY_MIMETYPE: Record<string, { family: MediaFamily; extensions: string[] }> = {
    "image/jpeg": { family: "image", extensions: ["jpg", "jpeg", "jpe", "jfif", "pjpeg", "pjp"] },
    "image/png": { family: "image", extensions: ["png"] },
    "image/apng": { family: "image", extensions: ["apng", "png"] },
    "image/gif": { family: "image", extensions: ["gif"] },
    "image/webp": { family: "image", extensions: ["webp"] },
    "image/avif": { family: "image", extensions: ["avif"] },
    "image/bmp": { family: "image", extensions: ["bmp"] },
    "image/heic": { family: "image", extensions: ["heic"] },
    "image/heif": { family: "image", extensions: ["heif"] },
    "video/mp4": { family: "video", extensions: ["mp4", "m4v"] },
    "video/webm": { family: "video", extensions: ["webm"] },
    "video/ogg": { family: "video", extensions: ["ogv", "ogg"] },
    "video/quicktime": { family: "video", extensions: ["mov", "qt"] },
};

const FAMILY_BY_MSGTYPE: Record<string, MediaFamily> = { "m.image": "image", "m.video": "video" };

/** The last extension of a file-like name ("Q3 report.final.PDF" → "pdf"), if it has one. */
export function extensionOf(name: unknown): string | undefined {
    if (typeof name !== "string") return undefined;
    const match = /\.([A-Za-z0-9]{1,10})\s*$/.exec(name);
    return match ? match[1].toLowerCase() : undefined;
}

function mimetypeOf(info: unknown): string | undefined {
    const mimetype = (info as { mimetype?: unknown } | undefined)?.mimetype;
    // "image/png; charset=…" parameters do not change the type.
    return typeof mimetype === "string" ? mimetype.split(";")[0].trim().toLowerCase() : undefined;
}

/**
 * Whether a media message's claims agree: the mimetype is one shown inline for its msgtype, and the
 * file's name (filename, else body) either has no extension or has one that belongs to that mimetype.
 * A name without an extension is allowed: nothing opens it as a program by its name.
 */
export function mediaClaimsAgree(msgtype: string, content: Record<string, unknown>): boolean {
    const family = FAMILY_BY_MSGTYPE[msgtype];
    if (!family) return true;
    const known = EXTENSIONS_BY_MIMETYPE[mimetypeOf(content.info) ?? ""];
    if (!known || known.family !== family) return false;
    const name = typeof content.filename === "string" && content.filename ? content.filename : content.body;
    const extension = extensionOf(name);
    return extension === undefined || known.extensions.includes(extension);
}

/** A sticker is drawn as an image: its mimetype, when given, must be an image's. Its body is a description. */
export function stickerClaimsAgree(content: Record<string, unknown>): boolean {
    const mimetype = mimetypeOf(content.info);
    return mimetype === undefined || EXTENSIONS_BY_MIMETYPE[mimetype]?.family === "image";
}

/** Whether the SDK may draw this event with its image, video or sticker view. */
export function mayRenderAsMedia(event: MatrixEvent): boolean {
    const content = event.getContent() as Record<string, unknown>;
    if (event.getType() === "m.sticker") return stickerClaimsAgree(content);
    return typeof content.msgtype !== "string" || mediaClaimsAgree(content.msgtype, content);
}
