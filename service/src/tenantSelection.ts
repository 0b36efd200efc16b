// Which tenant a request is for: an explicit `?tenant=NAME` (only names that exist), else the
// tenant whose `hosts` list the request's Host header.
import type { FastifyRequest } from "fastify";

import type { Problem } from "./contract.ts";
import { TENANT_NAME } from "./tenantFile.ts";
import type { ServedConfig, TenantEntry, TenantStore } from "./tenantStore.ts";

export interface ErrorBody {
    error: string;
    message: string;
    tenant?: string;
    problems?: Problem[];
}

export type Selection =
    | { ok: true; entry: TenantEntry; served: ServedConfig }
    | { ok: false; status: number; body: ErrorBody; entry?: TenantEntry };

export function selectTenant(store: TenantStore, request: FastifyRequest): Selection {
    const query = request.query as Record<string, unknown> | undefined;
    const asked = query?.tenant;
    let entry: TenantEntry | undefined;
    if (asked !== undefined) {
        if (typeof asked !== "string") {
            return { ok: false, status: 400, body: { error: "bad_request", message: "Give ?tenant= at most once" } };
        }
        entry = TENANT_NAME.test(asked) ? store.byName(asked) : undefined;
        if (!entry) {
            return {
                ok: false,
                status: 404,
                body: { error: "unknown_tenant", message: `There is no tenant named "${asked.slice(0, 64)}"` },
            };
        }
    } else {
        entry = store.byHost(request.host);
        if (!entry && store.hostConflict(request.host)) {
            return {
                ok: false,
                status: 404,
                body: {
                    error: "host_conflict",
                    message: `Several tenant files claim the host "${String(request.host).slice(0, 255)}" and none served it before; the operator must remove it from all but one`,
                },
            };
        }
        if (!entry) {
            return {
                ok: false,
                status: 404,
                body: {
                    error: "unknown_tenant",
                    message: `No tenant serves the host "${String(request.host).slice(0, 255)}"; list it in a tenant file's hosts, or ask with ?tenant=NAME`,
                },
            };
        }
    }
    if (!entry.served) {
        return {
            ok: false,
            status: 404,
            entry,
            body: {
                error: "tenant_config_invalid",
                message: `Tenant "${entry.name}" has no valid config yet: its file ${entry.file} was refused`,
                tenant: entry.name,
                problems: entry.problems,
            },
        };
    }
    return { ok: true, entry, served: entry.served };
}
