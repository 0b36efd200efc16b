// The module's parts over a real js-sdk client and room (no homeserver): the client is reached, as in
// the app, through the SDK's peg.
import React from "react";
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { createClient, MatrixClient, MatrixEvent, Room, RoomEvent, RoomStateEvent } from "matrix-js-sdk/src/matrix";
import { MatrixClientPeg } from "matrix-react-sdk/src/MatrixClientPeg";
import { initAtriumI18n } from "@atrium/sdk";

import { putConfig } from "../../../../test/helpers/sdkEnvironment";
import { drawCompactChip } from "./compactChip";
import { HeaderBadges } from "./HeaderBadges";
import { SettingsTab } from "./SettingsTab";
import { InviteNotice } from "./InviteNotice";
import * as roomFacts from "../roomFacts";

const ME = "@admin:company.example";
const ROOM = "!room:company.example";
let client: MatrixClient;
let nextEvent = 0;

function stateEvent(type: string, content: Record<string, unknown>, sender = ME, stateKey = ""): MatrixEvent {
    return new MatrixEvent({
        type,
        content,
        sender,
        state_key: stateKey,
        room_id: ROOM,
        event_id: `$e${++nextEvent}`,
        origin_server_ts: nextEvent,
    });
}

/** A joined room created by `creator`, with its admin and the given extra state. */
function makeRoom(creator: string, extra: MatrixEvent[] = [], myLevel = 100): Room {
    const room = new Room(ROOM, client, ME);
    room.currentState.setStateEvents([
        stateEvent("m.room.create", { room_version: "10" }, creator),
        stateEvent("m.room.member", { membership: "join" }, creator, creator),
        stateEvent("m.room.member", { membership: "join" }, ME, ME),
        stateEvent("m.room.power_levels", { users: { [creator]: 100, [ME]: myLevel }, state_default: 50 }, creator),
        stateEvent("m.room.join_rules", { join_rule: "invite" }, creator),
        stateEvent("m.room.history_visibility", { history_visibility: "shared" }, creator),
        ...extra,
    ]);
    room.updateMyMembership("join");
    client.store.storeRoom(room);
    // The client passes its rooms' state events on, as its sync does.
    client.reEmitter.reEmit(room.currentState, [RoomStateEvent.Events]);
    return room;
}

/** What takes each chip drawn by drawChip away. */
const undraws = new Map<HTMLElement, () => void>();

/** The room's compact chip drawn into a new span in the page (as on a node with `ids`, else a tile). */
function drawChip(ids?: { words: string; description: string }): HTMLElement {
    const place = document.body.appendChild(document.createElement("span"));
    undraws.set(place, drawCompactChip(place, ROOM, ids));
    return place;
}

const classify = (id: string, sender = ME): MatrixEvent => stateEvent("org.atrium.classification", { id }, sender);

describe("policy badges in a room", () => {
    beforeAll(() => initAtriumI18n("en"));
    beforeEach(() => {
        putConfig({ atrium: { modules: { "policy-badges": { own_servers: ["company.example"] } } } });
        client = createClient({ baseUrl: "https://matrix.company.example", userId: ME });
        jest.spyOn(MatrixClientPeg, "get").mockReturnValue(client);
        jest.spyOn(MatrixClientPeg, "safeGet").mockReturnValue(client);
    });
    afterEach(() => {
        cleanup();
        undraws.forEach((undraw) => undraw());
        undraws.clear();
        document.body.innerHTML = "";
        jest.restoreAllMocks();
    });

    it("shows a classification set in a room created on the company's server, as a tile's chip", () => {
        makeRoom(ME, [classify("confidential")]);
        const chip = within(drawChip()).getByRole("img");
        // Unencrypted, so the rule it breaks comes with it.
        expect(chip).toHaveAccessibleName("Classification: Confidential, Breaks its classification: must be encrypted");
        expect(chip).toHaveTextContent(/^Confidential · ⚠ Encryption$/);
        expect(chip).toHaveAttribute("data-warning");
        expect(chip).toHaveClass("atrium_Policy_compact");
        expect(chip.title).toBe("Classification: Confidential\nBreaks its classification: must be encrypted");
    });

    it("on a navigator node, is named by the words it shows and explains itself under the row's IDs", () => {
        makeRoom(ME, [classify("confidential")]);
        const row = document.body.appendChild(document.createElement("div"));
        row.setAttribute("role", "treeitem");
        row.setAttribute("aria-labelledby", "title words");
        row.setAttribute("aria-describedby", "about");
        row.innerHTML = '<span id="title">Budget</span> ';
        drawCompactChip(row.appendChild(document.createElement("span")), ROOM, {
            words: "words",
            description: "about",
        });
        expect(row).toHaveAccessibleName("Budget Confidential, ⚠ Encryption");
        expect(row).toHaveAccessibleDescription(
            "Classification: Confidential, Breaks its classification: must be encrypted",
        );
        expect(document.getElementById("words")).toHaveTextContent(/^Confidential · ⚠ Encryption$/);
        expect(document.getElementById("about")).not.toBeVisible();
    });

    it("follows the room's changes and the language in the chips already drawn, and takes itself away", async () => {
        const room = makeRoom(ME, [classify("confidential")]);
        const tile = drawChip();
        const node = drawChip({ words: "w", description: "d" });
        const words = (): string | null => document.getElementById("w")!.getAttribute("aria-label");
        expect(words()).toBe("Confidential, ⚠ Encryption");
        // Encryption turned on: the warning goes once the change is complete.
        room.currentState.setStateEvents([stateEvent("m.room.encryption", { algorithm: "m.megolm.v1.aes-sha2" })]);
        await Promise.resolve();
        expect(within(tile).getByRole("img")).not.toHaveAttribute("data-warning");
        expect(tile.textContent).toBe("Confidential");
        expect(words()).toBe("Confidential");
        try {
            await initAtriumI18n("de");
            expect(tile.textContent).toBe("Vertraulich");
            expect(within(tile).getByRole("img").getAttribute("aria-label")).toContain("Einstufung: Vertraulich");
            expect(document.getElementById("d")!.textContent).toContain("Einstufung: Vertraulich");
        } finally {
            await initAtriumI18n("en");
        }
        expect(words()).toBe("Confidential");
        for (const place of [tile, node]) {
            undraws.get(place)!();
            expect(place.childNodes).toHaveLength(0);
        }
        // Taken away, they no longer follow the room.
        room.currentState.setStateEvents([classify("public")]);
        await Promise.resolve();
        expect(tile.childNodes).toHaveLength(0);
    });

    it("gives every chip its own elements: one repainted leaves the next chip of its first look as that look", async () => {
        const room = makeRoom(ME, [classify("confidential")]);
        drawChip({ words: "w1", description: "d1" });
        room.currentState.setStateEvents([classify("public")]);
        await Promise.resolve();
        expect(document.getElementById("w1")).toHaveTextContent(/^Public/);
        room.currentState.setStateEvents([classify("confidential")]);
        await Promise.resolve();
        drawChip({ words: "w2", description: "d2" });
        for (const words of ["w1", "w2"])
            expect(document.getElementById(words)).toHaveTextContent(/^Confidential · ⚠ Encryption$/);
        expect(document.getElementById("d2")).toHaveTextContent(
            "Classification: Confidential, Breaks its classification: must be encrypted",
        );
        expect(screen.getAllByRole("img", { hidden: true })).toHaveLength(2);
    });

    it("reads a room's state once for every chip that shows it, however many rows show the room", () => {
        makeRoom(ME, [classify("confidential")]);
        const reads = jest.spyOn(roomFacts, "readRoomFacts");
        for (const row of [1, 2, 3]) {
            drawChip();
            drawChip({ words: `w${row}`, description: `d${row}` });
        }
        expect(screen.getAllByRole("img", { name: /Confidential/ })).toHaveLength(6);
        expect(reads).toHaveBeenCalledTimes(1);
        reads.mockRestore();
    });

    it("shows a classification in a room created on another server as unverified, and says why", () => {
        makeRoom("@founder:partner.example", [classify("confidential", "@founder:partner.example")]);
        render(<HeaderBadges roomId={ROOM} />);
        const chip = screen.getByText("Unverified: Confidential");
        expect(chip.getAttribute("data-kind")).toBe("classification-unverified");
        const tip = document.getElementById(chip.getAttribute("aria-describedby")!)!;
        expect(tip.textContent).toContain("created on partner.example");
        expect(within(drawChip()).getByRole("img").getAttribute("aria-label")).toContain("Unverified: Confidential");
    });

    it("judges a room joined while the app is open by its full state, once the join is complete", async () => {
        const founder = "@founder:partner.example";
        // Invited: the client holds the invitation's stripped state only.
        const room = new Room(ROOM, client, ME);
        room.currentState.setStateEvents([
            stateEvent("m.room.join_rules", { join_rule: "invite" }, founder),
            stateEvent("m.room.member", { membership: "invite" }, founder, ME),
        ]);
        room.updateMyMembership("invite");
        client.store.storeRoom(room);
        client.reEmitter.reEmit(room.currentState, [RoomStateEvent.Events]);
        client.reEmitter.reEmit(room, [RoomEvent.MyMembership]);
        render(<HeaderBadges roomId={ROOM} />);
        expect(screen.getByText("Unknown")).toBeTruthy();

        // The join, in the js-sdk's order: the room's state first (heard, and read, at once), the
        // user's membership only later in the same sync.
        await act(async () => {
            room.currentState.setStateEvents([
                stateEvent("m.room.create", { room_version: "10" }, founder),
                stateEvent("m.room.power_levels", { users: { [founder]: 100 } }, founder),
                classify("restricted", founder),
                stateEvent("m.room.member", { membership: "join" }, ME, ME),
            ]);
            await Promise.resolve();
            room.updateMyMembership("join");
        });
        expect(screen.queryByText("Unknown")).toBeNull();
        expect(screen.getByText("Unverified: Restricted")).toBeTruthy();
    });

    it("explains every header badge in a tooltip tied to it, and offers the admin the fix, which clears the warning", async () => {
        const room = makeRoom(ME, [classify("confidential")]);
        const send = jest.spyOn(client, "sendStateEvent").mockImplementation(async (_roomId, type, content) => {
            room.currentState.setStateEvents([stateEvent(type as string, content as Record<string, unknown>)]);
            return { event_id: "$fixed" };
        });
        render(<HeaderBadges roomId={ROOM} />);
        const warning = screen.getByText("Breaks its classification: must be encrypted");
        expect(warning.getAttribute("tabindex")).toBe("0");
        const tip = document.getElementById(warning.getAttribute("aria-describedby")!)!;
        expect(tip.getAttribute("role")).toBe("tooltip");
        expect(tip.textContent).toBe(
            "The rules for Confidential rooms say: must be encrypted. Those with the power can fix it in one click.",
        );
        fireEvent.click(screen.getByRole("button", { name: "Turn encryption on" }));
        await act(async () => {});
        expect(send).toHaveBeenCalledWith(ROOM, "m.room.encryption", { algorithm: "m.megolm.v1.aes-sha2" }, "");
        expect(screen.queryByText(/Breaks its classification/)).toBeNull();
        expect(screen.getByText("Encrypted")).toBeTruthy();
    });

    it("offers no fix to someone without the power, and none at all for federation", () => {
        makeRoom("@founder:company.example", [classify("restricted", "@founder:company.example")], 0);
        render(<SettingsTab roomId={ROOM} />);
        expect(screen.getByText(/must not be open to other servers/).textContent).toContain("fixed when it is created");
        expect(screen.queryByRole("button", { name: /Turn encryption on/ })).toBeNull();
        expect(screen.getByText("You do not have the power to change the classification.")).toBeTruthy();
        expect((screen.getByRole("radio", { name: /Restricted/ }) as HTMLInputElement).checked).toBe(true);
    });

    it("saves the chosen classification as the room's state event", async () => {
        makeRoom(ME);
        const send = jest.spyOn(client, "sendStateEvent").mockResolvedValue({ event_id: "$saved" });
        render(<SettingsTab roomId={ROOM} />);
        fireEvent.click(screen.getByRole("radio", { name: /Restricted/ }));
        fireEvent.click(screen.getByRole("button", { name: "Save classification" }));
        await act(async () => {});
        expect(send).toHaveBeenCalledWith(ROOM, "org.atrium.classification", { id: "restricted" }, "");
        expect(screen.getByRole("status").textContent).toBe("Classification saved");
    });

    it("says External once a member from another server joins, and an Internal room then breaks its rule", async () => {
        const room = makeRoom(ME);
        render(<HeaderBadges roomId={ROOM} />);
        expect(screen.queryByText("External")).toBeNull();
        await act(async () => {
            room.currentState.setStateEvents([
                stateEvent("m.room.member", { membership: "join" }, "@bob:partner.example", "@bob:partner.example"),
            ]);
        });
        expect(screen.getByText("External")).toBeTruthy();
        expect(screen.getByText("Breaks its classification: must not have members from other servers")).toBeTruthy();
    });

    it("warns before inviting people from other servers into a room that forbids them", () => {
        makeRoom(ME, [classify("restricted")]);
        const { rerender } = render(<InviteNotice roomId={ROOM} userIds={["@colleague:company.example"]} />);
        expect(screen.queryByRole("alert")).toBeNull();
        rerender(<InviteNotice roomId={ROOM} userIds={["@colleague:company.example", "@guest:partner.example"]} />);
        expect(screen.getByRole("alert").textContent).toContain("@guest:partner.example");
        expect(screen.getByRole("alert").textContent).toContain("Restricted");
    });
});
