import { addModuleStrings, atriumI18n, initAtriumI18n } from "@atrium/sdk";

import { POLICY_BADGES_NAMESPACE, policyBadgesStrings } from "../i18n/strings";
import { NEUTRAL_COLOUR, textColourOn } from "./catalogue";
import { compactParts } from "./compactParts";
import { evaluateRoom } from "./policy";
import { catalogue, classified, facts, OTHER, OWN } from "./testFacts";
import type { Translate } from "./strings";

const translate: Translate = (key, options) => atriumI18n.t(key, { ns: POLICY_BADGES_NAMESPACE, ...options }) as string;

describe("the compact badge's words", () => {
    beforeEach(async () => {
        await initAtriumI18n("en");
        addModuleStrings(POLICY_BADGES_NAMESPACE, policyBadgesStrings);
    });

    // First, so that it is the one that meets the module's first call (it starts hearing the translations).
    it("follow the language and the translations as they change", async () => {
        const policy = evaluateRoom(facts({ ...classified("confidential"), encrypted: false }), catalogue);
        expect(compactParts(policy, translate, "en").topText).toBe("⚠ Encryption");
        await atriumI18n.changeLanguage("de");
        expect(compactParts(policy, translate, "de").topText).toBe("⚠ Verschlüsselung");
        await atriumI18n.changeLanguage("en");
        addModuleStrings(POLICY_BADGES_NAMESPACE, {
            en: { ...policyBadgesStrings.en, badge_short_encryption: "Not encrypted" },
        });
        expect(compactParts(policy, translate, "en").topText).toBe("⚠ Not encrypted");
        // A bundle taken away: the words fall back to the keys until it is back.
        atriumI18n.removeResourceBundle("en", POLICY_BADGES_NAMESPACE);
        expect(compactParts(policy, translate, "en").topText).toBe("⚠ badge_short_encryption");
        addModuleStrings(POLICY_BADGES_NAMESPACE, policyBadgesStrings);
        expect(compactParts(policy, translate, "en").topText).toBe("⚠ Encryption");
    });

    it("are translated once for every room that looks the same, and on their own for a room that looks different", () => {
        const t = jest.fn(translate);
        const unencrypted = (): ReturnType<typeof evaluateRoom> =>
            evaluateRoom(facts({ ...classified("confidential"), encrypted: false }), catalogue);
        const first = compactParts(unencrypted(), t, "en");
        const calls = t.mock.calls.length;
        expect(calls).toBeGreaterThan(0);
        for (let room = 0; room < 50; room++) expect(compactParts(unencrypted(), t, "en")).toBe(first);
        expect(t).toHaveBeenCalledTimes(calls);
        expect(first.shown).toEqual(["Confidential", "⚠ Encryption"]);

        // Another top badge, another trust, another classification: each its own words.
        const internal = compactParts(evaluateRoom(facts(), catalogue), t, "en");
        expect(internal.shown).toEqual(["Internal"]);
        const external = compactParts(evaluateRoom(facts({ memberServers: [OTHER] }), catalogue), t, "en");
        expect(external.shown).toEqual(["Internal", "⚠ External"]);
        const foreign = compactParts(
            evaluateRoom(facts({ ...classified("confidential"), creatorServer: OTHER }), catalogue),
            t,
            "en",
        );
        expect(foreign.shown[0]).toBe("Unverified: Confidential");
        const plain = compactParts(evaluateRoom(facts(classified("confidential")), catalogue), t, "en");
        expect(plain.shown).toEqual(["Confidential"]);
        expect(plain.name).toEqual(["Classification: Confidential"]);
    });

    it("give a look every form its places need: text, words, explanation and tooltip, colours and warning", () => {
        const confidential = catalogue.classifications.find((c) => c.id === "confidential")!;
        const warning = compactParts(
            evaluateRoom(facts({ ...classified("confidential"), encrypted: false }), catalogue),
            translate,
            "en",
        );
        expect(warning).toEqual({
            language: "en",
            colour: confidential.colour,
            textColour: textColourOn(confidential.colour),
            isWarning: true,
            name: ["Classification: Confidential", "Breaks its classification: must be encrypted"],
            topText: "⚠ Encryption",
            shown: ["Confidential", "⚠ Encryption"],
            text: "Confidential · ⚠ Encryption",
            words: "Confidential, ⚠ Encryption",
            explanation: "Classification: Confidential, Breaks its classification: must be encrypted",
            tooltip: "Classification: Confidential\nBreaks its classification: must be encrypted",
        });

        // Unclassified: the default's colour and name, as trusted as a classification set here.
        const internal = catalogue.classifications.find((c) => c.id === "internal")!;
        const unclassified = compactParts(evaluateRoom(facts(), catalogue), translate, "en");
        expect([unclassified.colour, unclassified.isWarning, unclassified.name]).toEqual([
            internal.colour,
            false,
            ["Classification: Internal"],
        ]);
        // A badge that is no warning is shown as it is, without the sign.
        const outside = compactParts(evaluateRoom(facts({ memberServers: [OWN, OTHER] }), catalogue), translate, "en");
        expect(outside.isWarning).toBe(true);
        const plainTop = compactParts(
            evaluateRoom(facts({ ...classified("public"), memberServers: [OWN, OTHER], encrypted: false }), catalogue),
            translate,
            "en",
        );
        expect(plainTop.isWarning).toBe(false);
        expect(plainTop.shown).toEqual(["Public", plainTop.topText]);
        expect(plainTop.topText).not.toContain("⚠");

        // Not trusted: neutral grey, whatever it claims.
        const foreign = evaluateRoom(facts({ ...classified("confidential"), creatorServer: OTHER }), catalogue);
        expect(compactParts(foreign, translate, "en").colour).toBe(NEUTRAL_COLOUR);
    });

    it("keep apart two rules a room of one classification can break, and two badges", () => {
        const restricted = (changes: Parameters<typeof facts>[0]): string | null =>
            compactParts(evaluateRoom(facts({ ...classified("restricted"), ...changes }), catalogue), translate, "en")
                .topText;
        const unencrypted = restricted({ encrypted: false });
        const withGuests = restricted({ guestAccess: "can_join" });
        expect(unencrypted).toBe("⚠ Encryption");
        expect(withGuests).not.toBe(unencrypted);
        expect(withGuests).toMatch(/^⚠ /);
        // And two badges that are no warning.
        const publicRoom = (changes: Parameters<typeof facts>[0]): string | null =>
            compactParts(evaluateRoom(facts({ ...classified("public"), ...changes }), catalogue), translate, "en")
                .topText;
        const external = publicRoom({ memberServers: [OWN, OTHER] });
        const plain = publicRoom({ encrypted: false });
        expect([external, plain]).toEqual([expect.any(String), expect.any(String)]);
        expect(external).not.toBe(plain);
    });

    it("say Unknown once for a room nothing is known of", () => {
        const unknown = compactParts(evaluateRoom(facts({ knowledge: "unknown" }), catalogue), translate, "en");
        expect(unknown.shown).toEqual(["Unknown"]);
        expect(unknown.name).toHaveLength(1);
        expect(unknown.colour).toBe(NEUTRAL_COLOUR);
        expect(unknown.isWarning).toBe(false);
        // Known as a preview but classified: its classification, then what is not known.
        const preview = compactParts(
            evaluateRoom(facts({ ...classified("confidential"), knowledge: "preview" }), catalogue),
            translate,
            "en",
        );
        expect(preview.shown).toEqual(["Confidential", "Unknown"]);
    });
});
