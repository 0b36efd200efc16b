// Webpack entry: Atrium's styles, then the start-up steps.
import "katex/dist/katex.css";
import "../res/css/atrium.pcss";

import { start } from "./bootstrap/start";

const container = document.getElementById("matrixchat");
if (container) void start(container);
