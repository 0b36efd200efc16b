import { addModuleStrings, atriumI18n, initAtriumI18n } from "@atrium/sdk";

import { POLICY_BADGES_NAMESPACE, policyBadgesStrings } from "../i18n/strings";
import { compactParts } from "./compactParts";
import { evaluateRoom } from "./policy";
import { catalogue, classified, facts, OTHER } from "./testFacts";
import type { Translate } from "./strings";

const translate: Translate = (key, options) => atriumI18n.t(key, { ns: POLICY_BADGES_NAMESPACE, ...options }) as string;

describe("the compact badge's words", () => {
    beforeEach(async () => {
        await initAtriumI18n("en");
        addModuleStrings(POLICY_BADGES_NAMESPACE, policyBadgesStrings);
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
    });
});
