// Stands in for matrix-js-sdk's rendezvous module when the SDK imports it (see sdk-replacements.json).
// js-sdk 34.10 removed LegacyRendezvousFailureReason, which the SDK's LoginWithQRFlow still names
// in `case` labels; without it, rendering an error would throw. Its values here never match a real
// failure, because Atrium no longer runs the legacy protocol.
export * from "matrix-js-sdk/src/rendezvous/index.ts";

export enum LegacyRendezvousFailureReason {
    UnsupportedProtocol = "atrium.legacy.unsupported_protocol",
    UserCancelled = "atrium.legacy.user_cancelled",
    Expired = "atrium.legacy.expired",
    HomeserverLacksSupport = "atrium.legacy.homeserver_lacks_support",
}
