// Hostile input: thousands of malformed state events and catalogue entries (wrong types, huge
// strings, markup and script in labels). Nothing may crash, nothing may be rendered as HTML, and
// values the rules do not know end as neutral badges.
import React from "react";
import { render, cleanup } from "@testing-library/react";
import fc from "fast-check";
import { initAtriumI18n } from "@atrium/sdk";

import { readCatalogue } from "./catalogue";
import { evaluateRoom, type RoomFacts } from "./policy";
import { HeaderBadgesView } from "./components/HeaderBadges";
import { makeChip } from "./components/compactChip";
import { compactParts } from "./compactParts";
import { policyString } from "./strings";
import { OWN } from "./testFacts";

const hostileText = fc.oneof(
    fc.string(),
    fc.string({ unit: "grapheme", maxLength: 30 }),
    fc.constantFrom(
        "<script>window.__pwned = 1</script>",
        '<img src=x onerror="window.__pwned=1">',
        "<b>bold</b>",
        "\u202eevil\u202c",
        "javascript:alert(1)",
        "",
        " ",
    ),
    fc.nat({ max: 70_000 }).map((n) => "A".repeat(n)),
);

const hostileValue = fc.oneof(
    hostileText,
    fc.anything(),
    fc.constantFrom("public", "invite", "shared", "world_readable", "can_join"),
);

const catalogueEntry = fc.oneof(
    fc.anything(),
    fc.record(
        {
            id: fc.oneof(hostileText, fc.constantFrom("public", "internal", "confidential", "restricted", "x")),
            label: fc.oneof(
                fc.anything(),
                fc.dictionary(fc.constantFrom("en", "ru", "de", "fr", "__proto__", "xx"), hostileText),
            ),
            colour: fc.oneof(hostileText, fc.constantFrom("#ff0000", "#FFFFFF", "red", "#fff", "url(x)")),
            icon: fc.oneof(hostileText, fc.constantFrom("globe", "lock", "shield", "building")),
            description: fc.oneof(fc.anything(), fc.dictionary(fc.constantFrom("en", "de"), hostileText)),
            rules: fc.oneof(
                fc.anything(),
                fc.record(
                    {
                        requires_encryption: hostileValue,
                        federation_allowed: hostileValue,
                        external_members_allowed: hostileValue,
                        guests_allowed: hostileValue,
                        widest_history_visibility: hostileValue,
                        join_rules_allowed: fc.oneof(hostileValue, fc.array(hostileValue)),
                    },
                    { requiredKeys: [] },
                ),
            ),
        },
        { requiredKeys: [] },
    ),
);

const stateRecord = fc.oneof(
    fc.constant(null),
    fc.record({
        content: fc.oneof(fc.anything(), fc.record({ id: hostileValue }), fc.record({ archived: hostileValue })),
        senderHasPower: fc.boolean(),
    }),
);

const roomFacts: fc.Arbitrary<RoomFacts> = fc.record({
    knowledge: fc.constantFrom("joined", "preview", "unknown"),
    creatorServer: fc.oneof(fc.constant(OWN), fc.constant(null), hostileText),
    encrypted: fc.constantFrom(true, false, null),
    federate: fc.constantFrom(true, false, null),
    joinRule: hostileValue,
    guestAccess: hostileValue,
    historyVisibility: hostileValue,
    retention: fc.oneof(fc.anything(), fc.record({ max_lifetime: fc.oneof(fc.double(), fc.integer(), hostileValue) })),
    memberServers: fc.oneof(fc.constant(null), fc.array(fc.oneof(hostileText, fc.constant(OWN)), { maxLength: 5 })),
    classification: stateRecord,
    archive: stateRecord,
});

const settings = fc.record(
    {
        classifications: fc.oneof(fc.anything(), fc.array(catalogueEntry, { maxLength: 6 })),
        default_classification: hostileValue,
        own_servers: fc.oneof(fc.anything(), fc.array(hostileText, { maxLength: 3 }), fc.constant([OWN])),
    },
    { requiredKeys: [] },
);

const ALLOWED_TAGS = new Set(["DIV", "SPAN", "BUTTON", "svg", "path"]);

describe("policy badges under hostile input", () => {
    beforeAll(() => initAtriumI18n("en"));
    afterEach(cleanup);

    it("never crashes, renders no markup from input and keeps unknown values neutral", () => {
        fc.assert(
            fc.property(settings, roomFacts, (config, room) => {
                const { catalogue } = readCatalogue(config as Record<string, unknown>, OWN);
                expect(catalogue.classifications.length).toBeGreaterThan(0);
                for (const c of catalogue.classifications) {
                    expect(c.colour).toMatch(/^#[0-9a-fA-F]{6}$/);
                    expect(c.label.en.length).toBeLessThanOrEqual(60);
                }
                const policy = evaluateRoom(room, catalogue);
                for (const badge of policy.badges) {
                    if (badge.value !== undefined) {
                        expect([
                            "public",
                            "invite",
                            "knock",
                            "restricted",
                            "knock_restricted",
                            "private",
                            "joined",
                            "invited",
                            "shared",
                            "world_readable",
                            "can_join",
                            "other",
                        ]).toContain(badge.value);
                    }
                    if (badge.value === "other") expect(badge.tone).toBe("neutral");
                }
                const { container } = render(<HeaderBadgesView roomId="!room:company.example" policy={policy} />);
                // The compact chip of tiles and nodes, drawn with the DOM: its text as text.
                const look = compactParts(policy, policyString, "en");
                const { chip, explanation } = makeChip(container, look, { words: "w", description: "d" });
                expect(chip.textContent).toBe(look.text);
                expect(explanation!.textContent).toBe(look.explanation);
                for (const element of container.querySelectorAll("*")) expect(ALLOWED_TAGS).toContain(element.tagName);
                expect((window as { __pwned?: number }).__pwned).toBeUndefined();
                cleanup();
            }),
            { numRuns: 2000 },
        );
    });
});
