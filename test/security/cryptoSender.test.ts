/**
 * @jest-environment node
 */
// CVE-2025-48937: a homeserver could make an encrypted message appear to come from any user. The
// same forged-sender check e2e/tests/crypto-sender.spec.ts makes in the browser, here between real
// crypto WASM machines: against 9.1.0 (what js-sdk 34 declares; installed as crypto-wasm-9 for this
// proof only) the relabelled message looks like any genuine one from an unverified device; against
// the 14.2.1 Atrium ships, it carries the "unknown or deleted device" shield.
import * as shipped from "@matrix-org/matrix-sdk-crypto-wasm";
import * as vulnerable from "crypto-wasm-9";

import { forgedSenderScenario } from "../helpers/forgedMegolmSender";
import { installedVersion } from "../helpers/packageVersions";

const UNVERIFIED_DEVICE = "Encrypted by a device not verified by its owner.";
const UNKNOWN_DEVICE = "Encrypted by an unknown or deleted device.";

describe("a megolm message relabelled by the homeserver (CVE-2025-48937)", () => {
    it("compares the crypto WASM Atrium ships with the one js-sdk 34 was written for", () => {
        expect(installedVersion("@matrix-org/matrix-sdk-crypto-wasm")).toBe("14.2.1");
        expect(installedVersion("crypto-wasm-9")).toBe("9.1.0");
    });

    it("9.1.0 (the original) does not flag it: it reads like a genuine message from an unverified device", async () => {
        const { genuine, forged } = await forgedSenderScenario(vulnerable as unknown as typeof shipped);
        expect(genuine).toEqual({
            sender: "@carol:example.org",
            senderDevice: "CAROLDEVICE",
            message: UNVERIFIED_DEVICE,
            body: "Pay Mallory",
        });
        expect(forged.sender).toBe("@alice:example.org");
        expect(forged.message).toBe(UNVERIFIED_DEVICE);
        // Carol's device, under Alice's name.
        expect(forged.senderDevice).toBe("CAROLDEVICE");
    }, 60_000);

    it("14.2.1 (shipped) flags it: no device of the claimed sender sent it", async () => {
        const { genuine, forged } = await forgedSenderScenario(shipped);
        expect(genuine).toEqual({
            sender: "@carol:example.org",
            senderDevice: "CAROLDEVICE",
            message: UNVERIFIED_DEVICE,
            body: "Pay Mallory",
        });
        expect(forged).toEqual({
            sender: "@alice:example.org",
            senderDevice: undefined,
            message: UNKNOWN_DEVICE,
            body: "Pay Mallory",
        });
    }, 60_000);
});
