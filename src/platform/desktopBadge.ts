// The image Element Desktop on Windows lays over its taskbar icon (1.11.102 and later): without one
// it clears the overlay, so a bare count would show nothing there.
const SIZE = 32;

/** A red disc with the count in white ("99+" above 99); undefined where there is no canvas. */
export async function renderBadgeImage(count: number): Promise<ArrayBuffer | undefined> {
    const canvas = document.createElement("canvas");
    canvas.width = SIZE;
    canvas.height = SIZE;
    const context = canvas.getContext?.("2d");
    if (!context) return undefined;
    context.fillStyle = "#d51928";
    context.beginPath();
    context.arc(SIZE / 2, SIZE / 2, SIZE / 2, 0, 2 * Math.PI);
    context.fill();
    const text = count > 99 ? "99+" : String(count);
    context.fillStyle = "#ffffff";
    context.font = `bold ${text.length > 2 ? 12 : 18}px sans-serif`;
    context.textAlign = "center";
    context.textBaseline = "middle";
    context.fillText(text, SIZE / 2, SIZE / 2 + 1);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
    return blob ? blob.arrayBuffer() : undefined;
}
