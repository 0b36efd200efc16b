/**
 * @jest-environment node
 */
// CVE-2025-48937 is fixed in crypto WASM 14.2.1; js-sdk 34 was written for 9.x. The compat module
// gives js-sdk the names it uses, pointing at 14.2.1's classes and codes.
import * as real from "@matrix-org/matrix-sdk-crypto-wasm";
// js-sdk's own crypto, whose import of the package the resolver (as the build) points at the seam.
import { RustCrypto } from "matrix-js-sdk/src/rust-crypto/rust-crypto";

import * as compat from "../../src/seams/cryptoWasmCompat";
import { installedVersion } from "../helpers/packageVersions";

const installed = installedVersion("@matrix-org/matrix-sdk-crypto-wasm");

describe("crypto WASM compat seam", () => {
    beforeAll(() => real.initAsync());

    it("serves crypto WASM 14.2.1, the release that fixes CVE-2025-48937", () => {
        expect(installed).toBe("14.2.1");
        // 9.x had no such class: its presence shows which API js-sdk is really talking to.
        expect(typeof real.OtherUserIdentity).toBe("function");
    });

    it("is what js-sdk's crypto gets: its instanceof UserIdentity check works on a 14.x identity", async () => {
        // Another user's identity as 14.x returns it; its methods stand in for the WASM behind it.
        const identity = Object.assign(Object.create(real.OtherUserIdentity.prototype), {
            isVerified: () => false,
            wasPreviouslyVerified: () => true,
            identityNeedsUserApproval: () => true,
            free: () => {},
        });
        const crypto = Object.assign(Object.create(RustCrypto.prototype), {
            stopped: false,
            olmMachine: { getIdentity: async () => identity },
        }) as RustCrypto;
        // Against the package itself, `instanceof undefined` throws a TypeError here.
        const status = await crypto.getUserVerificationStatus("@carol:example.org");
        expect(status.wasCrossSigningVerified()).toBe(true);
        expect(status.needsUserApproval).toBe(true);
    });

    it("names other users' identities UserIdentity again, so js-sdk's instanceof checks work", () => {
        expect(compat.UserIdentity).toBe(real.OtherUserIdentity);
        expect((real as Record<string, unknown>).UserIdentity).toBeUndefined();
    });

    it("keeps js-sdk's name for the 'verified sender changed identity' decryption error", () => {
        expect(compat.DecryptionErrorCode.SenderIdentityPreviouslyVerified).toBe(
            real.DecryptionErrorCode.SenderIdentityVerificationViolation,
        );
        expect(compat.DecryptionErrorCode.MissingRoomKey).toBe(real.DecryptionErrorCode.MissingRoomKey);
        expect(compat.DecryptionErrorCode.UnknownSenderDevice).toBe(real.DecryptionErrorCode.UnknownSenderDevice);
    });

    it("passes every other export through unchanged", () => {
        for (const name of ["OlmMachine", "UserId", "DeviceId", "RoomId", "initAsync", "DehydratedDeviceKey"]) {
            expect((compat as Record<string, unknown>)[name]).toBe((real as Record<string, unknown>)[name]);
        }
    });

    it("turns the raw dehydration key bytes js-sdk 34 passes into the key object 14.x takes", async () => {
        const created: Uint8Array[] = [];
        const fromArray = jest
            .spyOn(real.DehydratedDeviceKey, "createKeyFromArray")
            .mockImplementation((bytes: Uint8Array) => {
                created.push(bytes);
                return { marker: "key" } as unknown as real.DehydratedDeviceKey;
            });
        // A stand-in receiver: only the key conversion in front of the real method is under test,
        // and the real method then fails on it (no WASM object behind it).
        const receiver = Object.create(real.DehydratedDevices.prototype);
        const raw = new Uint8Array(32).fill(7);
        await expect(
            Promise.resolve().then(() =>
                real.DehydratedDevices.prototype.rehydrate.call(receiver, raw as never, {} as never, "{}"),
            ),
        ).rejects.toBeDefined();
        expect(created).toEqual([raw]);
        fromArray.mockRestore();
    });
});
