// A short, polite status message (visible and read by screen readers) that removes itself.
const REGION_ID = "atrium_RoomLink_status";

export function announce(message: string, durationMs = 2500, doc: Document = document): HTMLElement {
    let region = doc.getElementById(REGION_ID);
    if (!region) {
        region = doc.createElement("div");
        region.id = REGION_ID;
        region.className = "atrium_RoomLink_status";
        region.setAttribute("role", "status");
        region.setAttribute("aria-live", "polite");
        doc.body.appendChild(region);
    }
    region.textContent = message;
    region.dataset.visible = "true";
    const shown = region;
    window.setTimeout(() => {
        if (shown.textContent === message) {
            shown.textContent = "";
            delete shown.dataset.visible;
        }
    }, durationMs);
    return region;
}
