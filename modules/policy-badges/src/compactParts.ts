// What the compact badge (room tiles, navigator nodes) shows of a policy: its colour and words. A
// list of thousands of rooms shows a handful of different badges, and each one's words cost several
// i18next translations, which were most of what a badge added to a row's render. So the parts are
// computed once per distinct look and shared: per classification object (a changed catalogue brings
// new ones), per language, and per the few fields of the policy the words depend on. Translations
// added or changed later clear the cache.
import { atriumI18n } from "@atrium/sdk";

import { labelIn, NEUTRAL_COLOUR, textColourOn, type Classification } from "./catalogue";
import { describeBadge, describeClassification, describeViolation } from "./describe";
import { mostImportantBadge, type Badge, type RoomPolicy, type Violation } from "./policy";
import type { Translate } from "./strings";

export interface CompactParts {
    /** The language the words are in. */
    language: string;
    colour: string;
    textColour: string;
    isWarning: boolean;
    /** The accessible name's parts: the classification, then the top badge. */
    name: readonly string[];
    /** The top badge's words as shown, or null when only the classification is. */
    topText: string | null;
    /** What the chip shows, in order. */
    shown: readonly string[];
    /** The chip's text: what it shows, in one line. */
    text: string;
    /** What it shows as words for a name ("Confidential, ⚠ Encryption"). */
    words: string;
    /** The full explanation, as a name, and as a tooltip (one part a line). */
    explanation: string;
    tooltip: string;
}

/** Between the classification and the top badge on screen; names use a comma. */
const SEPARATOR = " · ";

function computeParts(policy: RoomPolicy, top: Badge | Violation | null, t: Translate, language: string): CompactParts {
    const classification = describeClassification(policy, t, language);
    const known = policy.status === "verified" || policy.status === "default";
    const colour = known ? policy.classification.colour : NEUTRAL_COLOUR;
    const topWords = top
        ? "rule" in top
            ? describeViolation(top, t, labelIn(policy.classification, language))
            : describeBadge(top, t)
        : null;
    const isWarning = top !== null && "rule" in top;
    // The unknown badge says the same as an unknown classification: once is enough.
    const showTop = topWords && !(policy.status === "unknown" && top && "kind" in top && top.kind === "unknown");
    const name = [
        known ? t("classification", { label: labelIn(policy.classification, language) }) : classification.text,
    ];
    if (showTop) name.push(topWords.text);
    const classificationText = known ? labelIn(policy.classification, language) : classification.text;
    const topText = !showTop ? null : isWarning ? `⚠ ${t(`badge_short_${(top as Violation).rule}`)}` : topWords.text;
    const shown = topText ? [classificationText, topText] : [classificationText];
    return {
        language,
        colour,
        textColour: textColourOn(colour),
        isWarning,
        name,
        topText,
        shown,
        text: shown.join(SEPARATOR),
        words: shown.join(", "),
        explanation: name.join(", "),
        tooltip: name.join("\n"),
    };
}

/** Everything of the policy (beside its classification object and the language) the parts read. */
function lookKey(policy: RoomPolicy, top: Badge | Violation | null, language: string): string {
    const claimed = policy.claimed ? labelIn(policy.claimed, language) : "";
    const topKey = !top
        ? ""
        : "rule" in top
          ? `rule:${top.rule}:${top.allowed ?? ""}`
          : `badge:${top.kind}:${top.tone}:${top.value ?? ""}:${top.days ?? ""}:${top.count ?? ""}`;
    return `${language}\n${policy.status}\n${claimed}\n${topKey}`;
}

let cache = new WeakMap<Classification, Map<string, CompactParts>>();
let watchingTranslations = false;

function forgetParts(): void {
    cache = new WeakMap();
}

/** The compact badge's parts for a policy, shared by every badge that looks the same. */
export function compactParts(policy: RoomPolicy, t: Translate, language: string): CompactParts {
    if (!watchingTranslations) {
        watchingTranslations = true;
        // The words follow the translations: a bundle added or replaced renews them (the language is in the key).
        atriumI18n.store.on("added", forgetParts);
        atriumI18n.store.on("removed", forgetParts);
    }
    const top = mostImportantBadge(policy);
    let looks = cache.get(policy.classification);
    if (!looks) cache.set(policy.classification, (looks = new Map()));
    const key = lookKey(policy, top, language);
    let parts = looks.get(key);
    if (!parts) looks.set(key, (parts = computeParts(policy, top, t, language)));
    return parts;
}
