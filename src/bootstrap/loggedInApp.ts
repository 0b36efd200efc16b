// The logged-in chunk's entry (see loggedInChunk.ts): the SDK's LoggedInView and the styles only the
// signed-in app needs, so that neither is part of the sign-in page.
import "katex/dist/katex.css"; // maths in messages (the SDK's LaTeX rendering)

export { default } from "$sdk-original/components/structures/LoggedInView";
