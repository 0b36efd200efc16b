// `npm run provision -- ORG.yaml --homeserver URL --admin-token-file FILE [options]`: makes the
// homeserver match an organisation file (see README.md beside this file).
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";

import { directoryExportJson, directoryLdif, writeAtomically } from "./directoryExport.ts";
import { formatProblem, readOrgFile } from "./orgFile.ts";
import { describeStep } from "./planner.ts";
import { provision } from "./provision.ts";

const USAGE = `usage: npm run provision -- ORG.yaml --homeserver URL --admin-token-file FILE [options]

  --homeserver URL          the homeserver's client API (e.g. https://matrix.example.com)
  --admin-token-file FILE   a file holding a server admin's access token (or ATRIUM_ADMIN_TOKEN)
  --dry-run                 print the plan; change nothing
  --directory-export FILE   write the directory's JSON export (the config service's file source)
  --ldif FILE               write the people as LDIF for OpenLDAP
  --password-template T     new users' initial password, {username} replaced (default: none, for SSO)
  --check                   only check the file
  --report FILE             write what was planned and done as JSON (steps, requests, room IDs)
  --stop-after N            stop after N changing requests (to try resuming)
`;

function fail(message: string, code = 2): never {
    console.error(message);
    process.exit(code);
}

const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
        homeserver: { type: "string" },
        "admin-token-file": { type: "string" },
        "dry-run": { type: "boolean", default: false },
        "directory-export": { type: "string" },
        ldif: { type: "string" },
        "password-template": { type: "string" },
        check: { type: "boolean", default: false },
        "stop-after": { type: "string" },
        report: { type: "string" },
        help: { type: "boolean", default: false },
    },
});
if (values.help) {
    console.log(USAGE);
    process.exit(0);
}
if (positionals.length !== 1) fail(`one organisation file, please\n\n${USAGE}`);
const file = positionals[0];

const text = await readFile(file, "utf8").catch((error: Error) => fail(`cannot read ${file}: ${error.message}`));
const reading = readOrgFile(text);
if (!reading.ok) {
    for (const problem of reading.problems) console.error(formatProblem(file, problem));
    fail(`${file}: ${reading.problems.length} problem(s); nothing was changed`, 1);
}
const org = reading.org;
if (values.check) {
    console.log(`${file}: valid (${org.people.length} people)`);
    process.exit(0);
}

const homeserverUrl = values.homeserver ?? fail(`--homeserver is needed\n\n${USAGE}`);
const tokenFile = values["admin-token-file"];
const accessToken = tokenFile
    ? (
          await readFile(tokenFile, "utf8").catch((error: Error) => fail(`cannot read ${tokenFile}: ${error.message}`))
      ).trim()
    : (process.env.ATRIUM_ADMIN_TOKEN ?? fail(`--admin-token-file (or ATRIUM_ADMIN_TOKEN) is needed\n\n${USAGE}`));
const stopAfter = values["stop-after"];
if (stopAfter !== undefined && !/^\d+$/.test(stopAfter)) fail("--stop-after takes a number");
const template = values["password-template"];

try {
    const result = await provision(org, {
        homeserverUrl,
        accessToken,
        dryRun: values["dry-run"],
        stopAfterWrites: stopAfter === undefined ? undefined : Number(stopAfter),
        initialPassword: template ? (username) => template.replaceAll("{username}", username) : undefined,
    });
    if (!values["dry-run"]) {
        if (values["directory-export"]) {
            await writeAtomically(values["directory-export"], directoryExportJson(org));
            console.log(`[provision] wrote the directory export ${values["directory-export"]}`);
        }
        if (values.ldif) {
            await writeAtomically(values.ldif, directoryLdif(org));
            console.log(`[provision] wrote ${values.ldif}`);
        }
    }
    if (values.report) {
        const report = {
            server_name: result.serverName,
            changes: result.plan.changes,
            steps: result.plan.steps.map((step) => describeStep(step, result.serverName)),
            requests: result.counts,
            writes: result.writes,
            room_ids: Object.fromEntries(result.roomIds),
        };
        await writeAtomically(values.report, JSON.stringify(report, null, 2) + "\n");
    }
    const counts = Object.entries(result.counts)
        .map(([method, count]) => `${method} ${count}`)
        .join(", ");
    console.log(`[provision] requests: ${counts}`);
} catch (error) {
    fail(`[provision] ${(error as Error).message}`, 1);
}
