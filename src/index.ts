// Webpack entry: the start-up steps and Atrium's styles. Atrium loads the maths styles with the
// logged-in app (src/seams/loggedInApp.ts), not on the sign-in page.
import "../res/css/atrium.pcss";
import { embedRequestFrom } from "./embed/embedRequest";
import { canKeepSession } from "./embed/frameStorage";

const container = document.getElementById("matrixchat");
const embed = embedRequestFrom(window.location.search);
if (container && embed?.mode === "view" && !canKeepSession(window)) {
    // An embedded frame without storage: the SDK's modules would throw as they load.
    void import(/* webpackChunkName: "embed-blocked" */ "./embed/storageBlockedPage").then((page) =>
        page.showStorageBlocked(container, embed),
    );
} else if (container) {
    // Eager: bundled with this entry as before, only evaluated here.
    void import(/* webpackMode: "eager" */ "./bootstrap/start").then(({ start }) => start(container));
}
