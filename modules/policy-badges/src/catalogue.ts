// The classification catalogue: the config's entries, read defensively. The config service checks
// them against config.schema.json already, but a base config, an old service or a hand-edited file
// may not have: every entry here is re-read field by field, and what cannot be trusted is dropped or
// replaced by a neutral value, never passed on.

export type HistoryVisibility = "joined" | "invited" | "shared" | "world_readable";
export type ClassificationIcon = "globe" | "building" | "lock" | "shield";

/** Narrowest first: an index higher than the rule's means "wider than allowed". */
export const HISTORY_ORDER: readonly HistoryVisibility[] = ["joined", "invited", "shared", "world_readable"];
export const JOIN_RULES = ["public", "invite", "knock", "restricted", "knock_restricted", "private"] as const;
export const ICONS: readonly ClassificationIcon[] = ["globe", "building", "lock", "shield"];

export interface ClassificationRules {
    requiresEncryption: boolean;
    federationAllowed: boolean;
    externalMembersAllowed: boolean;
    guestsAllowed: boolean;
    widestHistoryVisibility: HistoryVisibility;
    /** null: any join rule. */
    joinRulesAllowed: readonly string[] | null;
}

export interface Classification {
    id: string;
    /** By language; "en" is always present. */
    label: Readonly<Record<string, string>>;
    colour: string;
    icon: ClassificationIcon;
    description: Readonly<Record<string, string>>;
    rules: ClassificationRules;
}

export interface Catalogue {
    classifications: readonly Classification[];
    defaultId: string;
    ownServers: readonly string[];
}

export const NEUTRAL_COLOUR = "#737d8c";
const ID = /^[a-z0-9][a-z0-9_.-]{0,63}$/;
const COLOUR = /^#[0-9a-fA-F]{6}$/;
const MAX_LABEL = 60;
const MAX_DESCRIPTION = 500;
const MAX_ENTRIES = 50;

const OPEN_RULES: ClassificationRules = {
    requiresEncryption: false,
    federationAllowed: true,
    externalMembersAllowed: true,
    guestsAllowed: true,
    widestHistoryVisibility: "world_readable",
    joinRulesAllowed: null,
};

export const DEFAULT_CLASSIFICATIONS: readonly Classification[] = [
    {
        id: "public",
        label: { en: "Public", ru: "Открытая", de: "Öffentlich", fr: "Public" },
        colour: "#0dbd8b",
        icon: "globe",
        description: {
            en: "Anyone may read it, inside or outside the company.",
            ru: "Читать может любой — в компании и вне её.",
            de: "Jeder darf es lesen, innerhalb und außerhalb des Unternehmens.",
            fr: "Tout le monde peut le lire, dans l'entreprise ou en dehors.",
        },
        rules: OPEN_RULES,
    },
    {
        id: "internal",
        label: { en: "Internal", ru: "Внутренняя", de: "Intern", fr: "Interne" },
        colour: "#0086e6",
        icon: "building",
        description: {
            en: "For people of the company only.",
            ru: "Только для сотрудников компании.",
            de: "Nur für Personen des Unternehmens.",
            fr: "Réservé aux personnes de l'entreprise.",
        },
        rules: {
            ...OPEN_RULES,
            externalMembersAllowed: false,
            guestsAllowed: false,
            widestHistoryVisibility: "shared",
        },
    },
    {
        id: "confidential",
        label: { en: "Confidential", ru: "Конфиденциальная", de: "Vertraulich", fr: "Confidentiel" },
        colour: "#ff8d13",
        icon: "lock",
        description: {
            en: "For the people invited only; must be encrypted.",
            ru: "Только для приглашённых; обязательно шифрование.",
            de: "Nur für Eingeladene; muss verschlüsselt sein.",
            fr: "Réservé aux personnes invitées ; doit être chiffré.",
        },
        rules: {
            requiresEncryption: true,
            federationAllowed: true,
            externalMembersAllowed: false,
            guestsAllowed: false,
            widestHistoryVisibility: "shared",
            joinRulesAllowed: ["invite", "knock", "restricted", "knock_restricted"],
        },
    },
    {
        id: "restricted",
        label: { en: "Restricted", ru: "Ограниченная", de: "Streng vertraulich", fr: "Restreint" },
        colour: "#ff5b55",
        icon: "shield",
        description: {
            en: "A named few only: encrypted, invite only, never open to other servers.",
            ru: "Только для узкого круга: шифрование, только по приглашению, без других серверов.",
            de: "Nur ein benannter Kreis: verschlüsselt, nur auf Einladung, nie für andere Server.",
            fr: "Quelques personnes nommées : chiffré, sur invitation, jamais ouvert aux autres serveurs.",
        },
        rules: {
            requiresEncryption: true,
            federationAllowed: false,
            externalMembersAllowed: false,
            guestsAllowed: false,
            widestHistoryVisibility: "invited",
            joinRulesAllowed: ["invite"],
        },
    },
];

const isRecord = (value: unknown): value is Record<string, unknown> =>
    typeof value === "object" && value !== null && !Array.isArray(value);

/** Plain one-line text, cut to `max` characters (control characters and bidi overrides removed). */
export function cleanText(value: unknown, max: number): string | null {
    if (typeof value !== "string") return null;
    // eslint-disable-next-line no-control-regex -- removing them is the point
    const cleaned = value.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, " ").trim();
    if (cleaned === "") return null;
    return cleaned.length > max ? cleaned.slice(0, max - 1) + "…" : cleaned;
}

function textsByLanguage(value: unknown, max: number): Record<string, string> {
    const texts: Record<string, string> = {};
    if (!isRecord(value)) return texts;
    for (const [language, text] of Object.entries(value)) {
        const cleaned = cleanText(text, max);
        if (/^[a-z]{2}$/.test(language) && cleaned) texts[language] = cleaned;
    }
    return texts;
}

const bool = (value: unknown, fallback: boolean): boolean => (typeof value === "boolean" ? value : fallback);

function readRules(value: unknown): ClassificationRules {
    const rules = isRecord(value) ? value : {};
    const history = rules.widest_history_visibility;
    const joinRules = rules.join_rules_allowed;
    return {
        requiresEncryption: bool(rules.requires_encryption, false),
        federationAllowed: bool(rules.federation_allowed, true),
        externalMembersAllowed: bool(rules.external_members_allowed, true),
        guestsAllowed: bool(rules.guests_allowed, true),
        widestHistoryVisibility: HISTORY_ORDER.includes(history as HistoryVisibility)
            ? (history as HistoryVisibility)
            : "world_readable",
        joinRulesAllowed: Array.isArray(joinRules)
            ? joinRules.filter((rule): rule is string => (JOIN_RULES as readonly unknown[]).includes(rule))
            : null,
    };
}

/** One config entry as a classification, or the reason it cannot be one. */
export function readClassification(value: unknown): Classification | string {
    if (!isRecord(value)) return "not an object";
    if (typeof value.id !== "string" || !ID.test(value.id))
        return "its id is missing or not lower-case letters, digits, _ . -";
    const label = textsByLanguage(value.label, MAX_LABEL);
    const english = label.en ?? Object.values(label)[0];
    if (!english) return `"${value.id}" has no label`;
    return {
        id: value.id,
        label: { ...label, en: english },
        colour: typeof value.colour === "string" && COLOUR.test(value.colour) ? value.colour : NEUTRAL_COLOUR,
        icon: ICONS.includes(value.icon as ClassificationIcon) ? (value.icon as ClassificationIcon) : "shield",
        description: textsByLanguage(value.description, MAX_DESCRIPTION),
        rules: readRules(value.rules),
    };
}

export interface CatalogueSettings {
    classifications?: unknown;
    default_classification?: unknown;
    own_servers?: unknown;
}

/**
 * The catalogue from the module's settings. `problems` lists what was dropped, for one log line.
 * No usable entry at all means the defaults; a default id that names no entry means the first entry.
 */
export function readCatalogue(
    settings: CatalogueSettings,
    fallbackServer: string | null,
): { catalogue: Catalogue; problems: string[] } {
    const problems: string[] = [];
    let classifications: Classification[] = [];
    if (Array.isArray(settings.classifications)) {
        const seen = new Set<string>();
        for (const [index, entry] of settings.classifications.slice(0, MAX_ENTRIES).entries()) {
            const read = readClassification(entry);
            if (typeof read === "string") problems.push(`classification ${index + 1}: ${read}`);
            else if (seen.has(read.id)) problems.push(`classification ${index + 1}: "${read.id}" appears twice`);
            else {
                seen.add(read.id);
                classifications.push(read);
            }
        }
        if (classifications.length === 0) problems.push("no usable classification: the defaults apply");
    } else if (settings.classifications !== undefined) {
        problems.push("classifications is not a list: the defaults apply");
    }
    if (classifications.length === 0) classifications = [...DEFAULT_CLASSIFICATIONS];

    const wanted = typeof settings.default_classification === "string" ? settings.default_classification : "internal";
    const defaultEntry = classifications.find((c) => c.id === wanted) ?? classifications[0];
    if (settings.default_classification !== undefined && defaultEntry.id !== wanted) {
        problems.push(`default_classification names no classification: "${defaultEntry.id}" is the default`);
    }

    const servers = Array.isArray(settings.own_servers)
        ? settings.own_servers.filter((s): s is string => typeof s === "string" && s.length > 0 && s.length <= 255)
        : [];
    if (servers.length === 0 && fallbackServer) servers.push(fallbackServer);
    return { catalogue: { classifications, defaultId: defaultEntry.id, ownServers: servers }, problems };
}

/** The label in a language, falling back to English. */
export function labelIn(classification: Classification, language: string): string {
    return classification.label[language] ?? classification.label.en;
}

export function descriptionIn(classification: Classification, language: string): string | null {
    return classification.description[language] ?? classification.description.en ?? null;
}

/** Black or white text, whichever reads better on the colour (WCAG relative luminance). */
export function textColourOn(background: string): "#000000" | "#ffffff" {
    const channel = (hex: string): number => {
        const c = parseInt(hex, 16) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    const [r, g, b] = [1, 3, 5].map((i) => channel(background.slice(i, i + 2)));
    const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    return luminance > 0.179 ? "#000000" : "#ffffff";
}
