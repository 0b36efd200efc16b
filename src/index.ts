// Webpack entry: the start-up steps and Atrium's styles. Atrium loads the maths styles with the
// logged-in app (src/seams/loggedInApp.ts), not on the sign-in page.
import { start } from "./bootstrap/start";
import "../res/css/atrium.pcss";

const container = document.getElementById("matrixchat");
if (container) void start(container);
