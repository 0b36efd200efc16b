// The page the SDK opens at usercontent/ in a sandboxed iframe (scripts and downloads only, no
// same-origin access) to hand a decrypted attachment to the browser: the app posts the file as a
// Blob, this page turns it into a download link (styled as the app asks) and clicks it when the
// person asked for the download. Without this page, encrypted files could not be saved.

interface DownloadRequest {
    blob: Blob;
    download: string;
    auto?: boolean;
    textContent?: string;
    style?: string;
    imgSrc?: string;
    imgStyle?: string | null;
}

function isDownloadRequest(data: unknown): data is DownloadRequest {
    const candidate = data as Partial<DownloadRequest> | null;
    return !!candidate && candidate.blob instanceof Blob && typeof candidate.download === "string";
}

/** Only an icon the app itself made (a data: URL) is shown; anything else is dropped. */
function iconFor(request: DownloadRequest): HTMLImageElement | null {
    if (typeof request.imgSrc !== "string" || !request.imgSrc.startsWith("data:image/")) return null;
    const img = document.createElement("img");
    img.src = request.imgSrc;
    img.alt = "";
    if (typeof request.imgStyle === "string") img.style.cssText = request.imgStyle;
    return img;
}

let currentUrl: string | undefined;

function offer(request: DownloadRequest): void {
    if (currentUrl) URL.revokeObjectURL(currentUrl);
    currentUrl = URL.createObjectURL(request.blob);
    const link = document.createElement("a");
    link.href = currentUrl;
    link.download = request.download;
    link.rel = "noreferrer noopener";
    if (typeof request.style === "string") link.style.cssText = request.style;
    const icon = iconFor(request);
    if (icon) link.appendChild(icon);
    link.appendChild(document.createTextNode(request.textContent || request.download));
    document.body.replaceChildren(link);
    if (request.auto) link.click();
}

window.addEventListener("message", (event: MessageEvent) => {
    if (isDownloadRequest(event.data)) offer(event.data);
});
