// Two homeservers on loopback that federate with each other, for tests that need people from another
// server ("External" members). Each gets a client port, a TLS federation port with a self-signed
// certificate, and a server name with that port (`127.0.0.1:PORT`), so each dials the other directly,
// without .well-known or SRV. Test configs only: certificate checks are off and loopback is allowed.
import { rm } from "node:fs/promises";
import path from "node:path";

import { e2eStateDir } from "./paths.ts";
import { startSynapse, type SynapseHandle } from "./synapse.ts";

export interface FederationPorts {
    companyHttp: number;
    companyTls: number;
    partnerHttp: number;
    partnerTls: number;
}

/** Ports from the environment; the defaults sit beside E2E_SYNAPSE_PORT (18008: 18109, 18448, 18108, 18449). */
export function federationPorts(): FederationPorts {
    const base = Number(process.env.E2E_SYNAPSE_PORT ?? 18008);
    const port = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);
    return {
        companyHttp: port("E2E_FEDERATION_COMPANY_PORT", base + 101),
        companyTls: port("E2E_FEDERATION_COMPANY_TLS_PORT", base + 440),
        partnerHttp: port("E2E_FEDERATION_PARTNER_PORT", base + 100),
        partnerTls: port("E2E_FEDERATION_PARTNER_TLS_PORT", base + 441),
    };
}

export interface FederatedPair {
    /** The company's homeserver (where the test's rooms are made). */
    company: SynapseHandle;
    /** Another organisation's homeserver. */
    partner: SynapseHandle;
    stop(): Promise<void>;
}

/** Starts both homeservers on fresh data dirs (so no room or key of an earlier run lingers). */
export async function startFederatedPair(ports = federationPorts()): Promise<FederatedPair> {
    const start = async (name: string, port: number, tls: number): Promise<SynapseHandle> => {
        const dataDir = path.join(e2eStateDir, `federation-${name}-${port}`);
        await rm(dataDir, { recursive: true, force: true });
        return startSynapse({ dataDir, port, serverName: `127.0.0.1:${tls}`, federationTlsPort: tls });
    };
    const company = await start("company", ports.companyHttp, ports.companyTls);
    let partner: SynapseHandle;
    try {
        partner = await start("partner", ports.partnerHttp, ports.partnerTls);
    } catch (e) {
        await company.stop();
        throw e;
    }
    return {
        company,
        partner,
        stop: async () => {
            await Promise.all([company.stop(), partner.stop()]);
        },
    };
}
