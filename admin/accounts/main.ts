// `npm run accounts -- sync --source ldap|keycloak --homeserver URL --admin-token-file F
//   [--config FILE] [--dry-run] [--mode lock|deactivate] [--json] [--max-changes N]`
// Locks (or deactivates) the homeserver accounts of people who left the company's source. See admin/README.md.
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";

import { loadConfig, type AccountsConfig } from "./config.ts";
import { Homeserver } from "./homeserver.ts";
import { readKeycloakAccounts } from "./keycloakSource.ts";
import { readLdapAccounts } from "./ldapSource.ts";
import type { SyncMode } from "./plan.ts";
import type { ReadSource } from "./source.ts";
import { formatReport, runSync } from "./sync.ts";

const USAGE = `usage: npm run accounts -- sync --source ldap|keycloak --homeserver URL --admin-token-file FILE
         [--config FILE] [--dry-run] [--mode lock|deactivate] [--json] [--max-changes N]`;

const DEFAULT_MAX_CHANGES = 50;

class UsageError extends Error {}

function sourceReader(name: string, config: AccountsConfig): ReadSource {
    if (name === "ldap") {
        const settings = config.ldap;
        if (!settings) throw new UsageError('--source ldap needs an "ldap" section in --config');
        return () => readLdapAccounts(settings);
    }
    if (name === "keycloak") {
        return () => readKeycloakAccounts(config.keycloak);
    }
    throw new UsageError(`--source must be ldap or keycloak, not "${name}"`);
}

export async function main(argv: string[]): Promise<number> {
    const { values, positionals } = parseArgs({
        args: argv,
        allowPositionals: true,
        options: {
            source: { type: "string" },
            homeserver: { type: "string" },
            "admin-token-file": { type: "string" },
            config: { type: "string" },
            "dry-run": { type: "boolean", default: false },
            mode: { type: "string", default: "lock" },
            json: { type: "boolean", default: false },
            "max-changes": { type: "string" },
        },
    });
    if (positionals[0] !== "sync" || positionals.length !== 1) throw new UsageError("the one command is: sync");
    if (!values.source || !values.homeserver || !values["admin-token-file"]) {
        throw new UsageError("--source, --homeserver and --admin-token-file are required");
    }
    if (values.mode !== "lock" && values.mode !== "deactivate") {
        throw new UsageError(`--mode must be lock or deactivate, not "${values.mode}"`);
    }
    if (!/^https?:\/\//.test(values.homeserver)) throw new UsageError("--homeserver must be an http(s) URL");
    const config = await loadConfig(values.config);
    const maxChanges =
        values["max-changes"] === undefined
            ? (config.maxChanges ?? DEFAULT_MAX_CHANGES)
            : Number(values["max-changes"]);
    if (!Number.isInteger(maxChanges) || maxChanges < 0) throw new UsageError("--max-changes must be a whole number");
    const token = (await readFile(values["admin-token-file"], "utf8")).trim();
    if (!token) throw new UsageError(`${values["admin-token-file"]} is empty`);

    const report = await runSync({
        sourceName: values.source,
        readSource: sourceReader(values.source, config),
        homeserver: new Homeserver(values.homeserver, token),
        mode: values.mode as SyncMode,
        dryRun: values["dry-run"],
        exclude: config.exclude,
        maxChanges,
    });
    console.log(values.json ? JSON.stringify(report, null, 2) : formatReport(report));
    return report.changes.some((change) => change.error) ? 1 : 0;
}

main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: Error) => {
        console.error(`accounts: ${error.message}`);
        if (error instanceof UsageError) console.error(USAGE);
        process.exitCode = error instanceof UsageError ? 2 : 1;
    },
);
