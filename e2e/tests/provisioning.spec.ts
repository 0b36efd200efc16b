// Provisioning against the run's real Synapse (no browser): an organisation file provisions what it
// says, a second run changes nothing, a changed file applies only the change, a run killed half way
// and resumed ends in the same state as an uninterrupted one, and a broken file changes nothing.
// Each test gives its organisation a tag of its own (usernames and aliases), so runs never meet.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { desiredState } from "../../admin/provision/desired.ts";
import { Homeserver } from "../../admin/provision/homeserver.ts";
import { readOrgFile, type Organisation } from "../../admin/provision/orgFile.ts";
import { repoRoot } from "../harness/paths.ts";
import { registerUser } from "../harness/synapse.ts";
import { expect, test } from "./fixtures.ts";

const SMALL_ORG = readFileSync(path.join(repoRoot, "admin/provision/testing/small-org.yaml"), "utf8");
const USERNAMES = /\b(ada|boris|erin|ines|chloe|grace|hugo)\b/g;

/** The small organisation with its usernames and alias prefix made unique to `tag`. */
function taggedOrgText(tag: string, text = SMALL_ORG): string {
    return text.replace(USERNAMES, `$1-${tag}`).replace("alias_prefix: small", `alias_prefix: t${tag}`);
}

function parse(text: string): Organisation {
    const reading = readOrgFile(text);
    if (!reading.ok) throw new Error(JSON.stringify(reading.problems));
    return reading.org;
}

let tagCounter = 0;
const newTag = (): string => `${Date.now().toString(36)}${++tagCounter}`;

/** Everything the organisation's rooms and users hold, with IDs, tags and event IDs taken out. */
async function stateDump(hs: Homeserver, org: Organisation, tag: string): Promise<string> {
    const desired = desiredState(org);
    const { user_id: admin } = await hs.whoami();
    const server = admin.split(":")[1];
    const ids = new Map<string, string>();
    for (const room of desired.rooms) {
        const found = await hs.resolveAlias(`#${room.alias}:${server}`);
        if (found) ids.set(found.room_id, room.key);
    }
    const normalise = (value: unknown): string => {
        let text = JSON.stringify(value, sortedKeys);
        for (const [roomId, key] of ids) text = text.split(roomId).join(`<${key}>`);
        return text.split(tag).join("TAG");
    };
    const rooms: Record<string, unknown> = {};
    for (const [roomId, key] of ids) {
        const state = (await hs.roomState(roomId))
            .filter((event) => event.type !== "m.room.member")
            .map((event) => {
                const content = { ...event.content };
                if (event.type === "org.atrium.archive" && content.replaced_event_id) {
                    content.replaced_event_id = "(a power-levels event)";
                }
                return normalise({ type: event.type, state_key: event.state_key, content });
            })
            .sort();
        rooms[key] = { state, joined: (await hs.joinedMembers(roomId)).map(normalise).sort() };
    }
    const users: Record<string, unknown> = {};
    for (const user of desired.users) {
        users[normalise(user.localpart)] = (await hs.adminUser(`@${user.localpart}:${server}`))?.displayname;
    }
    return JSON.stringify({ rooms, users }, sortedKeys, 2);
}

function sortedKeys(_key: string, value: unknown): unknown {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
    return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)));
}

function runCli(
    args: string[],
    onLine?: (line: string, kill: () => void) => void,
): Promise<{ code: number | null; signal: string | null; out: string; err: string }> {
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, ["--import", "tsx", "admin/provision/main.ts", ...args], {
            cwd: repoRoot,
        });
        let out = "";
        let err = "";
        child.stdout.on("data", (chunk: Buffer) => {
            for (const line of chunk.toString().split("\n")) if (line) onLine?.(line, () => child.kill("SIGKILL"));
            out += chunk;
        });
        child.stderr.on("data", (chunk: Buffer) => (err += chunk));
        child.on("error", reject);
        child.on("exit", (code, signal) => resolve({ code, signal, out, err }));
    });
}

/** What `--report` writes. */
interface Report {
    server_name: string;
    changes: number;
    steps: string[];
    requests: Record<string, number>;
    writes: string[];
    room_ids: Record<string, string>;
}

test.describe("provisioning", () => {
    let hs: Homeserver;
    let accessToken: string;
    let baseUrl: string;
    let workDir: string;
    let runs = 0;

    /** One run of `npm run provision` on `text`; the report when it finished. */
    async function provisionRun(
        text: string,
        extra: string[] = [],
        onLine?: (line: string, kill: () => void) => void,
    ): Promise<{ code: number | null; signal: string | null; out: string; err: string; report: Report | null }> {
        const run = ++runs;
        const orgFile = path.join(workDir, `org-${run}.yaml`);
        const tokenFile = path.join(workDir, "token");
        const reportFile = path.join(workDir, `report-${run}.json`);
        await writeFile(orgFile, text);
        await writeFile(tokenFile, accessToken);
        const args = [orgFile, "--homeserver", baseUrl, "--admin-token-file", tokenFile, "--report", reportFile];
        const result = await runCli([...args, ...extra], onLine);
        const report = result.code === 0 ? (JSON.parse(await readFile(reportFile, "utf8")) as Report) : null;
        return { ...result, report };
    }

    async function provisioned(text: string): Promise<Report> {
        const result = await provisionRun(text);
        if (!result.report) throw new Error(`provisioning failed (exit ${result.code}):\n${result.err}`);
        return result.report;
    }

    test.beforeEach(async ({ synapse }) => {
        baseUrl = synapse.baseUrl;
        const admin = await registerUser(
            baseUrl,
            synapse.registrationSharedSecret,
            `provisioner-${newTag()}`,
            "pw-provisioner",
            {
                admin: true,
            },
        );
        accessToken = admin.accessToken;
        hs = new Homeserver(baseUrl, accessToken);
        workDir = await mkdtemp(path.join(os.tmpdir(), "atrium-e2e-provision-"));
    });

    test.afterEach(async () => {
        await rm(workDir, { recursive: true, force: true });
    });

    test("provisions what the file says, and a second run changes nothing", async () => {
        test.setTimeout(120_000);
        const tag = newTag();
        const text = taggedOrgText(tag);
        const org = parse(text);
        const first = await provisioned(text);
        expect(first.changes).toBeGreaterThan(40);
        expect(first.writes.length).toBeGreaterThanOrEqual(first.changes);

        // Counted through the API: six people, four spaces, six rooms, each where the file puts it.
        const server = first.server_name;
        for (const person of org.people) {
            const user = await hs.adminUser(`@${person.username}:${server}`);
            expect(user?.displayname).toBe(person.name);
        }
        const spaces: string[] = [];
        const rooms: string[] = [];
        for (const [key, roomId] of Object.entries(first.room_ids)) {
            const state = await hs.roomState(roomId);
            const create = state.find((event) => event.type === "m.room.create")!;
            (create.content.type === "m.space" ? spaces : rooms).push(key);
        }
        expect(spaces.sort()).toEqual(["apollo", "eng", "platform", "sales"]);
        expect(rooms.sort()).toEqual([
            "apollo.chat",
            "eng.general",
            "eng.incidents",
            "platform.oncall",
            "sales.deals",
            "sales.fy2024",
        ]);

        const idOf = (key: string): string => first.room_ids[key];
        const stateOf = async (
            key: string,
            type: string,
            stateKey = "",
        ): Promise<Record<string, unknown> | undefined> =>
            (await hs.roomState(idOf(key))).find((e) => e.type === type && e.state_key === stateKey)?.content;
        // The tree: Engineering lists Platform, Apollo and its rooms; Platform points back at Engineering.
        const engChildren = (await hs.roomState(idOf("eng")))
            .filter((e) => e.type === "m.space.child")
            .map((e) => e.state_key);
        expect(engChildren.sort()).toEqual(
            [idOf("apollo"), idOf("eng.general"), idOf("eng.incidents"), idOf("platform")].sort(),
        );
        expect(await stateOf("platform", "m.space.parent", idOf("eng"))).toEqual({ via: [server], canonical: true });
        // Rooms restricted to their space; the on-call room invite-only with its members.
        expect(await stateOf("eng.general", "m.room.join_rules")).toEqual({
            join_rule: "restricted",
            allow: [{ type: "m.room_membership", room_id: idOf("eng") }],
        });
        expect((await stateOf("platform.oncall", "m.room.join_rules"))?.join_rule).toBe("invite");
        expect((await hs.joinedMembers(idOf("platform.oncall"))).filter((id) => id.includes(tag)).sort()).toEqual(
            [`@boris-${tag}:${server}`, `@erin-${tag}:${server}`, `@ines-${tag}:${server}`].sort(),
        );
        // Classification, encryption and roles (Boris administers Engineering, Erin moderates it).
        expect(await stateOf("eng.incidents", "org.atrium.classification")).toEqual({ id: "confidential" });
        expect(await stateOf("eng.incidents", "m.room.encryption")).toEqual({ algorithm: "m.megolm.v1.aes-sha2" });
        expect(await stateOf("eng.general", "m.room.encryption")).toBeUndefined();
        const levels = (await stateOf("platform.oncall", "m.room.power_levels")) as { users: Record<string, number> };
        expect(levels.users[`@boris-${tag}:${server}`]).toBe(100);
        expect(levels.users[`@erin-${tag}:${server}`]).toBe(50);
        // The archived room: a record naming the levels it replaced, and members can no longer write.
        const record = await stateOf("sales.fy2024", "org.atrium.archive");
        expect(record).toMatchObject({ reason: "The year is closed", level: 100 });
        const replaced = await hs.roomEvent(idOf("sales.fy2024"), String(record!.replaced_event_id));
        expect(replaced?.type).toBe("m.room.power_levels");
        const archivedLevels = (await stateOf("sales.fy2024", "m.room.power_levels")) as Record<string, number>;
        expect(archivedLevels.events_default).toBe(100);

        const second = await provisioned(text);
        expect(second.changes).toBe(0);
        expect(second.writes).toEqual([]);
        expect(Object.keys(second.requests)).toEqual(["GET"]);
    });

    test("a changed file applies only the change", async () => {
        test.setTimeout(120_000);
        const tag = newTag();
        await provisioned(taggedOrgText(tag));

        const changed = taggedOrgText(
            tag,
            SMALL_ORG.replace("name: Grace Tan,", "name: Grace Tan-Okafor,")
                .replace(
                    "        name: Deals\n        classification: confidential",
                    "        name: Deals\n        classification: restricted",
                )
                .replace("{ space: sales, admins: [chloe] }", "{ space: sales, admins: [chloe], moderators: [grace] }")
                .replace(
                    "roles:\n",
                    "  - { username: hugo, name: Hugo Weber, department: sales, manager: chloe }\nroles:\n",
                ),
        );
        const result = await provisioned(changed);
        expect(result.steps.sort()).toEqual(
            [
                `create user @hugo-${tag}:localhost (Hugo Weber)`,
                `rename @grace-${tag}:localhost to Grace Tan-Okafor`,
                "set org.atrium.classification in sales.deals (differs)",
                "set m.room.power_levels in sales (roles changed)",
                "set m.room.power_levels in sales.deals (roles changed)",
                "set m.room.power_levels in sales.fy2024 (roles changed (room archived))",
                `join @hugo-${tag}:localhost to sales`,
                `join @hugo-${tag}:localhost to sales.deals`,
                `join @hugo-${tag}:localhost to sales.fy2024`,
            ].sort(),
        );
        expect(result.writes).toHaveLength(9);
        // The archived room stays archived, with Grace now a moderator in it.
        const fy = (await hs.roomState(result.room_ids["sales.fy2024"])).find((e) => e.type === "m.room.power_levels")!;
        expect(fy.content.events_default).toBe(100);
        expect((fy.content.users as Record<string, number>)[`@grace-${tag}:localhost`]).toBe(50);

        const again = await provisioned(changed);
        expect(again.writes).toEqual([]);
    });

    test("a run killed half way and run again ends where an uninterrupted run ends", async () => {
        test.setTimeout(180_000);
        const whole = newTag();
        const wholeText = taggedOrgText(whole);
        await provisioned(wholeText);

        const cut = newTag();
        const cutText = taggedOrgText(cut);
        // 1. The process killed (SIGKILL) once it has reported its 12th step: requests may be in flight.
        let reported = 0;
        const killed = await provisionRun(cutText, [], (line, kill) => {
            if (/^\[provision\]\s+\d+\/\d+ /.test(line) && ++reported === 12) kill();
        });
        expect(killed.signal).toBe("SIGKILL");
        // 2. Stopped again in the middle of what is left, this time just before a changing request.
        const stopped = await provisionRun(cutText, ["--stop-after", "15"]);
        expect(stopped.code).toBe(1);
        expect(stopped.err).toContain("stopped on purpose after 15 changing requests");
        // 3. Run to the end.
        const finished = await provisioned(cutText);
        expect(finished.changes).toBeGreaterThan(0);

        expect(await stateDump(hs, parse(cutText), cut)).toBe(await stateDump(hs, parse(wholeText), whole));
        const after = await provisioned(cutText);
        expect(after.writes).toEqual([]);
    });

    test("a broken organisation file is refused, with its line, before anything changes", async () => {
        const tag = newTag();
        const broken = taggedOrgText(tag).replace(
            `manager: chloe-${tag}, location: Paris }`,
            "manager: nobody, location: Paris }",
        );
        const line = broken.split("\n").findIndex((l) => l.includes("manager: nobody")) + 1;

        const result = await provisionRun(broken);
        expect(result.code).toBe(1);
        expect(result.err).toMatch(
            new RegExp(`org-\\d+\\.yaml:${line}:\\d+: people\\[5\\]\\.manager: "nobody" is not among people`),
        );
        expect(result.err).toContain("nothing was changed");
        // Nobody of the file exists: not even the people before the broken line.
        expect(await hs.adminUser(`@ada-${tag}:localhost`)).toBeNull();
        expect(await hs.resolveAlias(`#t${tag}.eng:localhost`)).toBeNull();
    });
});
