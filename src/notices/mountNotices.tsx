// The notice area's own React root, in a container beside MatrixChat's (not inside it), so notices
// show on the sign-in pages and in the app alike. Loaded after the app's first render, once there is
// a notice to show (src/notices/noticesToShow.ts).
import React from "react";
import ReactDOM from "react-dom";

import { NoticeArea } from "./NoticeArea";
import "./notices.pcss";

export const NOTICES_CONTAINER_ID = "atrium_notices";

/** The container, added to the page once. */
export function noticesContainer(doc: Document = document): HTMLElement {
    let container = doc.getElementById(NOTICES_CONTAINER_ID);
    if (!container) {
        container = doc.createElement("div");
        container.id = NOTICES_CONTAINER_ID;
        doc.body.appendChild(container);
    }
    return container;
}

export function mountNotices(container: HTMLElement = noticesContainer()): void {
    ReactDOM.render(<NoticeArea />, container);
}
