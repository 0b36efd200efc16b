// Tells the host page what the frame's session does: signed in or out, and the unread counts as
// they change. Reads the SDK's client and room view store; loaded only with the embedded app.
import { ClientEvent, type MatrixClient, RoomEvent } from "matrix-js-sdk/src/matrix";
import dispatcher from "matrix-react-sdk/src/dispatcher/dispatcher";
import { Action } from "matrix-react-sdk/src/dispatcher/actions";
import { MatrixClientPeg } from "matrix-react-sdk/src/MatrixClientPeg";
import { SdkContextClass } from "matrix-react-sdk/src/contexts/SDKContext";
import { UPDATE_EVENT } from "matrix-react-sdk/src/stores/AsyncStore";

import { atriumMessage, type SignedInMessage, type UnreadMessage } from "./embedMessages";
import type { HostBridge } from "./hostBridge";
import { countsChanged, type UnreadCounts, unreadCounts, unreadMessageBody } from "./unreadCounts";

/** Counts settle over a burst of sync and receipt events; the host hears them once. */
const SETTLE_MS = 250;

export function reportSessionToHost(bridge: HostBridge): void {
    let client: MatrixClient | null = null;
    let last: UnreadCounts | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const report = (): void => {
        if (!client) return;
        const onScreen = SdkContextClass.instance.roomViewStore.getRoomId() ?? null;
        const counts = unreadCounts(client.getRooms(), onScreen);
        if (!countsChanged(last, counts)) return;
        last = counts;
        bridge.post(atriumMessage<UnreadMessage>(unreadMessageBody(counts)));
    };
    const schedule = (): void => {
        clearTimeout(timer);
        timer = setTimeout(report, SETTLE_MS);
    };
    const watch = (next: MatrixClient): void => {
        client = next;
        next.on(ClientEvent.Sync, schedule);
        next.on(RoomEvent.Timeline, schedule);
        next.on(RoomEvent.Receipt, schedule);
    };
    const unwatch = (): void => {
        client?.off(ClientEvent.Sync, schedule);
        client?.off(RoomEvent.Timeline, schedule);
        client?.off(RoomEvent.Receipt, schedule);
        client = null;
        last = null;
    };

    SdkContextClass.instance.roomViewStore.on(UPDATE_EVENT, schedule);
    dispatcher.register((payload) => {
        if (payload.action === Action.OnLoggedIn) {
            const signedIn = MatrixClientPeg.get();
            if (!signedIn) return;
            unwatch();
            watch(signedIn);
            bridge.post(
                atriumMessage<SignedInMessage>({
                    type: "signed_in",
                    signed_in: true,
                    user_id: signedIn.getSafeUserId(),
                }),
            );
            schedule();
        } else if (payload.action === Action.OnLoggedOut) {
            unwatch();
            bridge.post(atriumMessage<SignedInMessage>({ type: "signed_in", signed_in: false }));
        }
    });
}
