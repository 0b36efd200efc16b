// Types of cryptoWasmCompat.mjs (plain ESM so webpack can put it in place of the package's .mjs).
import * as wasm from "@matrix-org/matrix-sdk-crypto-wasm";

export * from "@matrix-org/matrix-sdk-crypto-wasm";
export declare const UserIdentity: typeof wasm.OtherUserIdentity;
export declare const DecryptionErrorCode: typeof wasm.DecryptionErrorCode & {
    readonly SenderIdentityPreviouslyVerified: wasm.DecryptionErrorCode;
};
