// Webpack entry: styles, then the start-up steps.
import "katex/dist/katex.css";

import { start } from "./bootstrap/start";

// The stock build (for side-by-side benchmarks) carries none of Atrium's look.
if (!__ATRIUM_STOCK__) require("../res/css/atrium.pcss");

const container = document.getElementById("matrixchat");
if (container) void start(container);
