// Webpack entry: styles, then the start-up steps.
import { start } from "./bootstrap/start";

// The stock build (for side-by-side benchmarks) carries none of Atrium's look. Atrium loads the
// maths styles with the logged-in app (src/bootstrap/loggedInApp.ts), not on the sign-in page.
/* eslint-disable @typescript-eslint/no-require-imports -- one stylesheet or the other enters the bundle, never both */
if (__ATRIUM_STOCK__) require("katex/dist/katex.css");
else require("../res/css/atrium.pcss");
/* eslint-enable @typescript-eslint/no-require-imports -- the rest of the file imports */

const container = document.getElementById("matrixchat");
if (container) void start(container);
