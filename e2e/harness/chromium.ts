// Debian's Chromium, started the one way every browser run here uses (e2e, bench, screenshots):
// Playwright's own browser downloads cannot work on these machines, and without the
// background-networking flags Chromium keeps dialling hosts the closed network refuses.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
];
