/** @jest-environment node */
import type { HomeserverUser } from "./homeserver.ts";
import { planSync, type PlanInput } from "./plan.ts";

const user = (localpart: string, extra: Partial<HomeserverUser> = {}): HomeserverUser => ({
    userId: `@${localpart}:example.com`,
    localpart,
    admin: false,
    locked: false,
    deactivated: false,
    guest: false,
    userType: null,
    ...extra,
});

const base: PlanInput = {
    source: [
        { localpart: "ada", enabled: true },
        { localpart: "bruno", enabled: false },
    ],
    users: [user("ada"), user("bruno"), user("chloe"), user("syncadmin", { admin: true })],
    mode: "lock",
    adminUserId: "@syncadmin:example.com",
    exclude: [],
};

describe("planSync", () => {
    it("locks who is disabled at the source and who is missing from it, and nobody else", () => {
        expect(planSync(base).changes).toEqual([
            { userId: "@bruno:example.com", action: "lock", why: "disabled at the source" },
            { userId: "@chloe:example.com", action: "lock", why: "not in the source" },
        ]);
    });

    it("deactivates them instead in deactivate mode, locked ones too", () => {
        const plan = planSync({ ...base, mode: "deactivate", users: [...base.users, user("dora", { locked: true })] });
        expect(plan.changes.map((c) => [c.userId, c.action])).toEqual([
            ["@bruno:example.com", "deactivate"],
            ["@chloe:example.com", "deactivate"],
            ["@dora:example.com", "deactivate"],
        ]);
    });

    it("never touches the sync's own admin, excluded users (by id or localpart) or bots", () => {
        const plan = planSync({
            ...base,
            users: [...base.users, user("helpdesk"), user("notices", { userType: "support" })],
            exclude: ["@CHLOE:example.com", " helpdesk "],
        });
        expect(plan.changes.map((c) => c.userId)).toEqual(["@bruno:example.com"]);
        expect(plan.skipped).toEqual([
            { userId: "@chloe:example.com", why: "excluded by the config" },
            { userId: "@helpdesk:example.com", why: "excluded by the config" },
            { userId: "@notices:example.com", why: "not a person (bot or support user)" },
            { userId: "@syncadmin:example.com", why: "the sync's own admin" },
        ]);
    });

    it("changes nothing the second time: who is locked stays so, the deactivated and guests are left out", () => {
        const after = planSync({
            ...base,
            users: [
                user("ada"),
                user("bruno", { locked: true }),
                user("chloe", { locked: true }),
                user("eve", { deactivated: true }),
                user("guest1", { guest: true }),
                user("syncadmin", { admin: true }),
            ],
        });
        expect(after.changes).toEqual([]);
        expect(after.alreadyDone).toEqual(["@bruno:example.com", "@chloe:example.com"]);
    });

    it("matches localparts without regard to case and reports locked people the source enables again", () => {
        const plan = planSync({
            ...base,
            source: [{ localpart: "Ada", enabled: true }],
            users: [user("ada", { locked: true })],
        });
        expect(plan.changes).toEqual([]);
        expect(plan.lockedButEnabled).toEqual(["@ada:example.com"]);
    });
});
