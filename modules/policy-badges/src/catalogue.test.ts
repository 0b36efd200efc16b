// Reading the classification catalogue from a config nobody may have checked: what is kept, what is
// replaced by a neutral value, and what is reported as dropped.
import { policyBadgesStrings } from "../i18n/strings";
import {
    cleanText,
    DEFAULT_CLASSIFICATIONS,
    descriptionIn,
    labelIn,
    NEUTRAL_COLOUR,
    readCatalogue,
    readClassification,
    textColourOn,
    type Classification,
} from "./catalogue";

const entry = (changes: Record<string, unknown> = {}): Record<string, unknown> => ({
    id: "secret",
    label: { en: "Secret" },
    ...changes,
});

/** Reads an entry that must be usable. */
function read(changes: Record<string, unknown> = {}): Classification {
    const result = readClassification(entry(changes));
    if (typeof result === "string") throw new Error(`refused: ${result}`);
    return result;
}

describe("cleanText", () => {
    it("keeps plain text, trimmed", () => {
        expect(cleanText("  Internal  ", 60)).toBe("Internal");
    });

    it("turns control characters and bidi overrides into spaces", () => {
        expect(cleanText("a\u0000b\nc\u007fd\u202ee\u2066f", 60)).toBe("a b c d e f");
    });

    it("refuses what is not text, or nothing but spaces once cleaned", () => {
        for (const value of [undefined, null, 42, ["x"], { en: "x" }, "", "   ", "\u202e\n"]) {
            expect(cleanText(value, 60)).toBeNull();
        }
    });

    it("cuts long text to the limit, an ellipsis included, and keeps text exactly at the limit", () => {
        expect(cleanText("abcdef", 6)).toBe("abcdef");
        expect(cleanText("abcdefg", 6)).toBe("abcde…");
        expect(cleanText("abcdefg", 6)).toHaveLength(6);
    });
});

describe("readClassification", () => {
    it("refuses an entry that is not an object", () => {
        for (const value of [null, "secret", 42, [entry()]]) expect(readClassification(value)).toBe("not an object");
    });

    it("refuses an id that is missing or not lower-case letters, digits, _ . -", () => {
        const refusal = "its id is missing or not lower-case letters, digits, _ . -";
        for (const id of [undefined, 42, "", "Secret", "-secret", "top secret", "a".repeat(65)]) {
            expect(readClassification(entry({ id }))).toBe(refusal);
        }
        for (const id of ["a", "top-secret_2.0", "a".repeat(64)]) expect(read({ id }).id).toBe(id);
    });

    it("refuses an entry without a usable label, naming it", () => {
        for (const label of [undefined, "Secret", {}, { en: "  " }, { EN: "Secret" }, { eng: "Secret" }]) {
            expect(readClassification(entry({ label }))).toBe('"secret" has no label');
        }
    });

    it("keeps labels by two-letter language, and takes another language's when English is missing", () => {
        expect(read({ label: { en: "Secret", de: "Geheim", xx1: "no", d: "no" } }).label).toEqual({
            en: "Secret",
            de: "Geheim",
        });
        expect(read({ label: { de: "Geheim" } }).label).toEqual({ de: "Geheim", en: "Geheim" });
    });

    it("cleans and cuts labels (60 characters) and descriptions (500 characters)", () => {
        const classification = read({
            label: { en: `\u202e${"L".repeat(70)}` },
            description: { en: "D".repeat(600), de: "kurz\n" },
        });
        expect(classification.label.en).toBe(`${"L".repeat(59)}…`);
        expect(classification.description).toEqual({ en: `${"D".repeat(499)}…`, de: "kurz" });
        expect(read({ description: "not by language" }).description).toEqual({});
    });

    it("keeps a #rrggbb colour and a known icon, and replaces anything else by neutral ones", () => {
        expect(read({ colour: "#A0b1C2", icon: "lock" })).toMatchObject({ colour: "#A0b1C2", icon: "lock" });
        for (const colour of [undefined, 0xff0000, ["#a0b1c2"], "red", "#fff", "#ff00001", "x#a0b1c2", "url(x)"]) {
            expect(read({ colour }).colour).toBe(NEUTRAL_COLOUR);
        }
        expect(NEUTRAL_COLOUR).toMatch(/^#[0-9a-f]{6}$/i);
        for (const icon of ["globe", "building", "lock", "shield"]) expect(read({ icon }).icon).toBe(icon);
        for (const icon of [undefined, "skull", 1]) expect(read({ icon }).icon).toBe("shield");
    });

    it("opens every rule the entry does not set to a known value", () => {
        const open = {
            requiresEncryption: false,
            federationAllowed: true,
            externalMembersAllowed: true,
            guestsAllowed: true,
            widestHistoryVisibility: "world_readable",
            joinRulesAllowed: null,
        };
        expect(read().rules).toEqual(open);
        expect(read({ rules: "strict" }).rules).toEqual(open);
        const unreadable = {
            requires_encryption: "yes",
            federation_allowed: 0,
            external_members_allowed: null,
            guests_allowed: "false",
            widest_history_visibility: "members",
            join_rules_allowed: "invite",
        };
        expect(read({ rules: unreadable }).rules).toEqual(open);
    });

    it("reads the rules that are set, keeping only known join rules", () => {
        const rules = {
            requires_encryption: true,
            federation_allowed: false,
            external_members_allowed: false,
            guests_allowed: false,
            widest_history_visibility: "invited",
            join_rules_allowed: ["invite", "open-sesame", 7, "knock"],
        };
        expect(read({ rules }).rules).toEqual({
            requiresEncryption: true,
            federationAllowed: false,
            externalMembersAllowed: false,
            guestsAllowed: false,
            widestHistoryVisibility: "invited",
            joinRulesAllowed: ["invite", "knock"],
        });
    });
});

describe("the default classifications", () => {
    // The module's strings come in every language Atrium speaks (i18n/strings.test.ts checks that).
    const languages = Object.keys(policyBadgesStrings);

    it("each have a label and a description in every language Atrium speaks", () => {
        expect(languages).toEqual(expect.arrayContaining(["en", "ru", "de", "fr"]));
        for (const classification of DEFAULT_CLASSIFICATIONS) {
            for (const language of languages) {
                expect(classification.label[language]?.trim()).toBeTruthy();
                expect(classification.description[language]?.trim()).toBeTruthy();
            }
        }
    });

    it("each have a colour and an icon of their own, which the catalogue's reader keeps", () => {
        const colours = DEFAULT_CLASSIFICATIONS.map((c) => c.colour);
        const icons = DEFAULT_CLASSIFICATIONS.map((c) => c.icon);
        expect(new Set(colours).size).toBe(DEFAULT_CLASSIFICATIONS.length);
        expect(new Set(icons).size).toBe(DEFAULT_CLASSIFICATIONS.length);
        for (const c of DEFAULT_CLASSIFICATIONS) {
            expect(read({ colour: c.colour, icon: c.icon })).toMatchObject({ colour: c.colour, icon: c.icon });
        }
    });
});

describe("readCatalogue", () => {
    const ids = (settings: Parameters<typeof readCatalogue>[0]): string[] =>
        readCatalogue(settings, null).catalogue.classifications.map((c) => c.id);

    it("uses the defaults, with Internal as the default, when the config sets nothing", () => {
        const { catalogue, problems } = readCatalogue({}, null);
        expect(catalogue.classifications).toEqual(DEFAULT_CLASSIFICATIONS);
        expect(catalogue.defaultId).toBe("internal");
        expect(problems).toEqual([]);
    });

    it("uses the configured entries in their order, reporting each one dropped by its position", () => {
        const { catalogue, problems } = readCatalogue(
            { classifications: [entry({ id: "a" }), "b", entry({ id: "c" }), entry({ id: "a" })] },
            null,
        );
        expect(catalogue.classifications.map((c) => c.id)).toEqual(["a", "c"]);
        expect(problems).toEqual(["classification 2: not an object", 'classification 4: "a" appears twice']);
    });

    it("keeps the first of two entries with the same id", () => {
        const { catalogue } = readCatalogue(
            { classifications: [entry({ label: { en: "First" } }), entry({ label: { en: "Second" } })] },
            null,
        );
        expect(catalogue.classifications.map((c) => c.label.en)).toEqual(["First"]);
    });

    it("falls back to the defaults, saying so, when no entry is usable or the list is no list", () => {
        const none = readCatalogue({ classifications: [{ id: "A" }] }, null);
        expect(none.catalogue.classifications).toEqual(DEFAULT_CLASSIFICATIONS);
        expect(none.problems).toEqual([
            "classification 1: its id is missing or not lower-case letters, digits, _ . -",
            "no usable classification: the defaults apply",
        ]);
        const notAList = readCatalogue({ classifications: { public: {} } }, null);
        expect(notAList.catalogue.classifications).toEqual(DEFAULT_CLASSIFICATIONS);
        expect(notAList.problems).toEqual(["classifications is not a list: the defaults apply"]);
        expect(readCatalogue({ classifications: [] }, null).problems).toEqual([
            "no usable classification: the defaults apply",
        ]);
    });

    it("reads at most 50 entries", () => {
        const many = Array.from({ length: 60 }, (_, i) => entry({ id: `c${i}` }));
        expect(ids({ classifications: many })).toEqual(many.slice(0, 50).map((e) => e.id));
    });

    it("takes the named default, else Internal, else the first entry", () => {
        const two = [entry({ id: "first" }), entry({ id: "second" })];
        const withInternal = [entry({ id: "first" }), entry({ id: "internal" })];
        expect(readCatalogue({ classifications: two, default_classification: "second" }, null)).toMatchObject({
            catalogue: { defaultId: "second" },
            problems: [],
        });
        expect(readCatalogue({ classifications: withInternal }, null)).toMatchObject({
            catalogue: { defaultId: "internal" },
            problems: [],
        });
        expect(readCatalogue({ classifications: two }, null)).toMatchObject({
            catalogue: { defaultId: "first" },
            problems: [],
        });
        expect(readCatalogue({ default_classification: "restricted" }, null).catalogue.defaultId).toBe("restricted");
    });

    it("reports a default that names no classification, or is no name at all", () => {
        const two = [entry({ id: "first" }), entry({ id: "second" })];
        expect(readCatalogue({ classifications: two, default_classification: "third" }, null).problems).toEqual([
            'default_classification names no classification: "first" is the default',
        ]);
        expect(readCatalogue({ classifications: two, default_classification: 2 }, null).problems).toEqual([
            'default_classification names no classification: "first" is the default',
        ]);
        // Not a name, yet what it falls back to (Internal) exists: nothing to report.
        expect(readCatalogue({ default_classification: 2 }, null)).toMatchObject({
            catalogue: { defaultId: "internal" },
            problems: [],
        });
    });

    it("keeps the company's servers that are names, and uses the user's own server only when none is left", () => {
        const long = `${"s".repeat(252)}.de`;
        expect(
            readCatalogue({ own_servers: ["a.example", "", 42, ["b.example"], long, `x${long}`] }, "home.example")
                .catalogue.ownServers,
        ).toEqual(["a.example", long]);
        expect(readCatalogue({ own_servers: ["", 42] }, "home.example").catalogue.ownServers).toEqual(["home.example"]);
        expect(readCatalogue({ own_servers: "a.example" }, "home.example").catalogue.ownServers).toEqual([
            "home.example",
        ]);
        expect(readCatalogue({}, null).catalogue.ownServers).toEqual([]);
    });
});

describe("words in a language", () => {
    // Read in each case, not once for the block: a refusal then fails that case, not the file's loading.
    const secret = (): Classification =>
        read({ label: { en: "Secret", de: "Geheim" }, description: { en: "Keep it." } });

    it("gives the label in the language, else in English", () => {
        expect(labelIn(secret(), "de")).toBe("Geheim");
        expect(labelIn(secret(), "fr")).toBe("Secret");
    });

    it("gives the description in the language, else in English, else none", () => {
        const classification = secret();
        const described = read({ description: { en: "Keep it.", de: "Behalten." } });
        expect(descriptionIn(described, "de")).toBe("Behalten.");
        expect(descriptionIn(classification, "de")).toBe("Keep it.");
        expect(descriptionIn(read(), "de")).toBeNull();
    });
});

describe("textColourOn", () => {
    it("writes black on light colours and white on dark ones", () => {
        expect(textColourOn("#ffffff")).toBe("#000000");
        expect(textColourOn("#000000")).toBe("#ffffff");
        expect(textColourOn("#ffff00")).toBe("#000000");
        expect(textColourOn("#0000ff")).toBe("#ffffff");
    });

    it("weighs the channels as the eye does: green most, then red, blue least", () => {
        // Each channel alone at the same value: only green passes the threshold.
        expect(textColourOn("#00c000")).toBe("#000000");
        expect(textColourOn("#c00000")).toBe("#ffffff");
        expect(textColourOn("#0000ff")).toBe("#ffffff");
        // Red full on passes it; red and blue together read lighter than red alone.
        expect(textColourOn("#ff0000")).toBe("#000000");
        expect(textColourOn("#e00000")).toBe("#ffffff");
        expect(textColourOn("#e000ff")).toBe("#000000");
    });

    it("switches exactly where WCAG's luminance crosses 0.179 (between #757575 and #767676)", () => {
        expect(textColourOn("#757575")).toBe("#ffffff");
        expect(textColourOn("#767676")).toBe("#000000");
    });

    it("treats very dark channels on WCAG's linear part", () => {
        expect(textColourOn("#0a0a0a")).toBe("#ffffff");
        expect(textColourOn("#0affff")).toBe("#000000");
        // Blue and green near the threshold, red at 0: WCAG's two parts give 0.17890; one curve would give 0.17908.
        expect(textColourOn("#0075dc")).toBe("#ffffff");
    });
});
