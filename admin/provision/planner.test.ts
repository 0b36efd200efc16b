/**
 * @jest-environment node
 */
import { readFileSync } from "node:fs";
import path from "node:path";

import { desiredState } from "./desired.ts";
import { readOrgFile, type Organisation } from "./orgFile.ts";
import {
    ARCHIVE_EVENT,
    CLASSIFICATION_EVENT,
    describeStep,
    plan,
    stateKey,
    type ObservedRoom,
    type ObservedState,
    type Step,
} from "./planner.ts";

const SERVER = "example.org";
const ADMIN = `@admin:${SERVER}`;
const smallText = readFileSync(path.join(__dirname, "testing/small-org.yaml"), "utf8");

function org(text = smallText): Organisation {
    const reading = readOrgFile(text);
    if (!reading.ok) throw new Error(JSON.stringify(reading.problems));
    return reading.org;
}

function emptyServer(roomVersion = "12"): ObservedState {
    return {
        serverName: SERVER,
        adminUserId: ADMIN,
        defaultRoomVersion: roomVersion,
        users: new Map(),
        rooms: new Map(),
    };
}

/**
 * The homeserver at its edge: applies a plan's steps to an observed state as Synapse would (rooms
 * made with their initial state and levels, state replaced, members joined, an archive's record and
 * raised levels). Enough to ask the planner what it would do next.
 */
function apply(observed: ObservedState, steps: Step[], aliasOf: (key: string) => string): ObservedState {
    let counter = observed.rooms.size;
    const byKey = (key: string): ObservedRoom => observed.rooms.get(aliasOf(key))!;
    const idOf = (value: string): string => (value.startsWith("$new:") ? byKey(value.slice(5)).roomId : value);
    const resolve = (value: unknown): unknown =>
        typeof value === "string"
            ? idOf(value)
            : Array.isArray(value)
              ? value.map(resolve)
              : value && typeof value === "object"
                ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]))
                : value;
    const put = (room: ObservedRoom, type: string, key: string, content: Record<string, unknown>): void => {
        room.state.set(stateKey(type, key), { type, stateKey: key, content, eventId: `$e${++counter}` });
    };
    for (const step of steps) {
        if (step.kind === "create-user" || step.kind === "set-display-name")
            observed.users.set(step.localpart, step.displayName);
        if (step.kind === "create-room") {
            const room: ObservedRoom = {
                roomId: `!r${++counter}:${SERVER}`,
                roomVersion: observed.defaultRoomVersion,
                creator: ADMIN,
                state: new Map(),
                joined: new Set([ADMIN]),
            };
            observed.rooms.set(step.alias, room);
            for (const event of step.initialState)
                put(room, event.type, idOf(event.stateKey), resolve(event.content) as Record<string, unknown>);
            put(room, "m.room.power_levels", "", { events_default: 0, state_default: 50, users: step.levels });
        }
        if (step.kind === "set-state") {
            put(
                byKey(step.key),
                step.event.type,
                idOf(step.event.stateKey),
                resolve(step.event.content) as Record<string, unknown>,
            );
        }
        if (step.kind === "join") byKey(step.key).joined.add(step.userId);
        if (step.kind === "archive") {
            const room = byKey(step.key);
            const levels = room.state.get(stateKey("m.room.power_levels", ""))!;
            put(room, ARCHIVE_EVENT, "", { reason: step.reason, replaced_event_id: levels.eventId, level: step.level });
            put(room, "m.room.power_levels", "", {
                ...levels.content,
                events_default: step.level,
                state_default: step.level,
                invite: step.level,
                redact: step.level,
            });
        }
    }
    return observed;
}

function provisioned(organisation: Organisation, roomVersion = "12"): ObservedState {
    const desired = desiredState(organisation);
    const aliasOf = (key: string): string => desired.rooms.find((room) => room.key === key)!.alias;
    return apply(emptyServer(roomVersion), plan(desired, emptyServer(roomVersion)).steps, aliasOf);
}

const lines = (steps: Step[]): string[] => steps.map((step) => describeStep(step, SERVER));

describe("plan", () => {
    it("uses the event types the archive and policy-badges modules read", () => {
        // Read from their sources: the modules' files import the app's SDK layer, which is no Node code.
        const source = (file: string): string => readFileSync(path.join(__dirname, "../../modules", file), "utf8");
        expect(source("archive/src/logic/record.ts")).toContain(
            `export const ARCHIVE_EVENT_TYPE = "${ARCHIVE_EVENT}";`,
        );
        expect(source("policy-badges/src/policy.ts")).toContain(
            `export const CLASSIFICATION_EVENT = "${CLASSIFICATION_EVENT}";`,
        );
    });

    it("on an empty homeserver: people, then spaces parents first, then rooms, their links, joins, archives", () => {
        const steps = plan(desiredState(org()), emptyServer()).steps;
        const kinds = steps.map((step) => step.kind);
        expect(kinds.filter((k) => k === "create-user")).toHaveLength(6);
        expect(kinds.lastIndexOf("create-user")).toBeLessThan(kinds.indexOf("create-room"));
        expect(lines(steps.filter((s) => s.kind === "create-room"))).toEqual([
            "create space #small.eng:example.org",
            "create space #small.platform:example.org",
            "create space #small.sales:example.org",
            "create space #small.apollo:example.org",
            "create room #small.eng.general:example.org",
            "create room #small.eng.incidents:example.org",
            "create room #small.platform.oncall:example.org",
            "create room #small.sales.deals:example.org",
            "create room #small.sales.fy2024:example.org",
            "create room #small.apollo.chat:example.org",
        ]);
        expect(steps.at(-1)).toEqual({
            kind: "archive",
            key: "sales.fy2024",
            reason: "The year is closed",
            level: 100,
        });

        const oncall = steps.find((s) => s.kind === "create-room" && s.key === "platform.oncall");
        expect(oncall).toMatchObject({
            levels: { [`@boris:${SERVER}`]: 100, [`@erin:${SERVER}`]: 50 },
            initialState: expect.arrayContaining([
                { type: "m.room.join_rules", stateKey: "", content: { join_rule: "invite" } },
                { type: "m.room.encryption", stateKey: "", content: { algorithm: "m.megolm.v1.aes-sha2" } },
                { type: CLASSIFICATION_EVENT, stateKey: "", content: { id: "restricted" } },
                { type: "m.space.parent", stateKey: "$new:platform", content: { via: [SERVER], canonical: true } },
            ]),
        });
        const general = steps.find((s) => s.kind === "create-room" && s.key === "eng.general");
        expect(general).toMatchObject({
            initialState: expect.arrayContaining([
                {
                    type: "m.room.join_rules",
                    stateKey: "",
                    content: { join_rule: "restricted", allow: [{ type: "m.room_membership", room_id: "$new:eng" }] },
                },
            ]),
        });
        // The invite-only on-call room: its two members and the role holders above it, no one else.
        expect(lines(steps.filter((s) => s.kind === "join" && s.key === "platform.oncall"))).toEqual([
            `join @boris:${SERVER} to platform.oncall`,
            `join @erin:${SERVER} to platform.oncall`,
            `join @ines:${SERVER} to platform.oncall`,
        ]);
    });

    it("plans nothing once the homeserver holds what the file says", () => {
        const observed = provisioned(org());
        expect(plan(desiredState(org()), observed)).toEqual({ steps: [], changes: 0 });
    });

    it("plans only what changed in the file", () => {
        const observed = provisioned(org());
        const changed = org(
            smallText
                .replace(
                    "name: Deals\n        classification: confidential",
                    "name: Deals\n        classification: restricted",
                )
                .replace("name: Grace Tan,", "name: Grace Tan-Okafor,"),
        );
        expect(lines(plan(desiredState(changed), observed).steps)).toEqual([
            `rename @grace:${SERVER} to Grace Tan-Okafor`,
            "set org.atrium.classification in sales.deals (differs)",
        ]);
    });

    it("gives an archived room's new roles its raised levels, and restores it when the file no longer archives it", () => {
        const observed = provisioned(org());
        const moderated = org(
            smallText.replace(
                "{ space: sales, admins: [chloe] }",
                "{ space: sales, admins: [chloe], moderators: [grace] }",
            ),
        );
        const levelSteps = plan(desiredState(moderated), observed).steps.filter((s) => s.kind === "set-state");
        const archived = levelSteps.find((s) => s.kind === "set-state" && s.key === "sales.fy2024");
        expect(archived).toMatchObject({
            event: { content: { events_default: 100, users: { [`@chloe:${SERVER}`]: 100, [`@grace:${SERVER}`]: 50 } } },
        });

        const unarchived = org(smallText.replace("        archived:\n          reason: The year is closed\n", ""));
        const record = observed.rooms.get("small.sales.fy2024")!.state.get(stateKey(ARCHIVE_EVENT, ""))!;
        expect(plan(desiredState(unarchived), observed).steps).toEqual([
            {
                kind: "restore",
                key: "sales.fy2024",
                replacedEventId: record.content.replaced_event_id,
                users: { [`@chloe:${SERVER}`]: 100 },
            },
        ]);
    });

    it("raises the levels of a room whose record was sent before a run stopped", () => {
        const observed = provisioned(org());
        const room = observed.rooms.get("small.sales.fy2024")!;
        const levels = room.state.get(stateKey("m.room.power_levels", ""))!;
        room.state.set(stateKey("m.room.power_levels", ""), {
            ...levels,
            content: { ...levels.content, events_default: 0 },
        });
        const [step] = plan(desiredState(org()), observed).steps;
        expect(step).toMatchObject({
            kind: "set-state",
            key: "sales.fy2024",
            event: { content: { events_default: 100 } },
        });
    });

    it("keeps the admin in the levels only where the room version needs it", () => {
        const v12 = plan(desiredState(org()), emptyServer("12")).steps.find((s) => s.kind === "create-room")!;
        const v10 = plan(desiredState(org()), emptyServer("10")).steps.find((s) => s.kind === "create-room")!;
        expect(v12).toMatchObject({ levels: { [`@boris:${SERVER}`]: 100 } });
        expect((v12 as { levels: Record<string, number> }).levels[ADMIN]).toBeUndefined();
        expect((v10 as { levels: Record<string, number> }).levels[ADMIN]).toBe(100);
        expect(plan(desiredState(org()), provisioned(org(), "10")).changes).toBe(0);
    });

    it("never turns encryption off; it says so instead", () => {
        const observed = provisioned(org());
        const unencrypted = org(
            smallText.replace(
                "name: Incidents\n        classification: confidential",
                "name: Incidents\n        classification: confidential\n        encrypted: false",
            ),
        );
        expect(plan(desiredState(unencrypted), observed)).toEqual({
            steps: [{ kind: "note", text: "#small.eng.incidents stays encrypted: encryption cannot be turned off" }],
            changes: 0,
        });
    });
});
