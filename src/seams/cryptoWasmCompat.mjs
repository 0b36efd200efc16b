// Crypto WASM 14.2.1 for matrix-js-sdk 34 (see sdk-replacements.json). 14.2.1 fixes CVE-2025-48937
// (a homeserver could make an encrypted message appear to come from any user); js-sdk 34 was written
// for 9.x and needs three renames bridged. Only js-sdk's own imports of the package come here.
// Plain ESM, not TypeScript: webpack keeps the loaders of the file it replaces (the package's .mjs).
import * as wasm from "@matrix-org/matrix-sdk-crypto-wasm";

export * from "@matrix-org/matrix-sdk-crypto-wasm";

/** 10.0 renamed the class of other users' identities; js-sdk 34 tests `instanceof UserIdentity`. */
export const UserIdentity = wasm.OtherUserIdentity;

/** 10.0 renamed the code js-sdk 34 maps to "the sender's verified identity changed". */
export const DecryptionErrorCode = Object.freeze({
    ...wasm.DecryptionErrorCode,
    SenderIdentityPreviouslyVerified: wasm.DecryptionErrorCode.SenderIdentityVerificationViolation,
});

/**
 * 13.0 takes a DehydratedDeviceKey where js-sdk 34 passes the key's raw bytes.
 * @param {unknown} key
 * @returns {wasm.DehydratedDeviceKey}
 */
function asDehydratedDeviceKey(key) {
    return key instanceof Uint8Array ? wasm.DehydratedDeviceKey.createKeyFromArray(key) : key;
}

function acceptRawDehydrationKeys() {
    const devices = wasm.DehydratedDevices.prototype;
    const rehydrate = devices.rehydrate;
    devices.rehydrate = function (key, deviceId, data) {
        return rehydrate.call(this, asDehydratedDeviceKey(key), deviceId, data);
    };
    const device = wasm.DehydratedDevice.prototype;
    const keysForUpload = device.keysForUpload;
    device.keysForUpload = function (name, key) {
        return keysForUpload.call(this, name, asDehydratedDeviceKey(key));
    };
}

acceptRawDehydrationKeys();
