// The logged-in chunk's entry (see loggedInChunk.ts): the SDK's LoggedInView and the styles only the
// signed-in app needs, so that neither is part of the sign-in page.
import "katex/dist/katex.css"; // maths in messages (the SDK's LaTeX rendering)
import katex from "katex";

import { provideKatex } from "./katexOnDemand";

// The SDK's messages reach katex through this stand-in (src/seams/katexOnDemand.mjs).
provideKatex(katex);

export { default } from "$sdk-original/components/structures/LoggedInView";
