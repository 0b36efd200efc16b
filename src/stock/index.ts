// Webpack entry of the benchmark's stock Element (`npm run build:stock`): the same pipeline and SDK
// as Atrium, started without any of Atrium's own parts, so that bench/ measures what Atrium adds.
// Stock Element loads the maths styles up front (Atrium loads them with its logged-in chunk).
import { startStock } from "./startStock";
import "katex/dist/katex.css";

const container = document.getElementById("matrixchat");
if (container) void startStock(container);
