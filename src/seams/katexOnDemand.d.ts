// Types of katexOnDemand.mjs (plain JavaScript, see there).
import type katex from "katex";

type Katex = typeof katex;

export function provideKatex(real: Katex): void;

declare const standIn: Pick<Katex, "renderToString">;
export default standIn;
