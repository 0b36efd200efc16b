// Showing a contributed right-panel card (a rightPanelCard contribution, drawn by src/seams/RightPanel.tsx)
// needs the SDK's right panel to be open: RoomView draws the panel only while its store says so.
// This file loads the SDK's stores, so "@atrium/sdk" loads it on demand (openRightPanelCard) and
// panels.ts, which only says which card is open, stays free of the SDK.
import { logger } from "matrix-js-sdk/src/logger";
import { SdkContextClass } from "matrix-react-sdk/src/contexts/SDKContext";
import { UPDATE_EVENT } from "matrix-react-sdk/src/stores/AsyncStore";
import { RightPanelPhases } from "matrix-react-sdk/src/stores/right-panel/RightPanelStorePhases";

import { closeRightPanelCard, onPanelsChange, openedRightPanelCard, openRightPanelCard } from "./panels";

/** The card this file opened and still follows, and whether the panel was open before it. */
let following: { id: string; panelWasOpen: boolean; stop(): void } | null = null;

/**
 * Follows the SDK's right panel while the card `id` is open. The card gives way (is closed) when the
 * user turns to one of the SDK's cards, closes the panel or leaves the room; closed by its own close
 * button or by its module, it leaves the panel as it found it (hidden again if it was hidden).
 */
function followWhileOpen(id: string, roomId: string, panelWasOpen: boolean): () => void {
    const { rightPanelStore, roomViewStore } = SdkContextClass.instance;
    const sdkCard = rightPanelStore.currentCardForRoom(roomId);
    const stop = (): void => {
        rightPanelStore.off(UPDATE_EVENT, onPanelStoreUpdate);
        roomViewStore.off(UPDATE_EVENT, onPanelStoreUpdate);
        stopWatchingCard();
        if (following?.stop === stop) following = null;
    };
    const onPanelStoreUpdate = (): void => {
        const stillHere =
            roomViewStore.getRoomId() === roomId &&
            rightPanelStore.isOpenForRoom(roomId) &&
            rightPanelStore.currentCardForRoom(roomId) === sdkCard;
        if (stillHere) return;
        stop();
        closeRightPanelCard(id);
    };
    const stopWatchingCard = onPanelsChange(() => {
        if (openedRightPanelCard() === id) return;
        stop();
        if (!panelWasOpen) rightPanelStore.hide(roomId);
    });
    rightPanelStore.on(UPDATE_EVENT, onPanelStoreUpdate);
    roomViewStore.on(UPDATE_EVENT, onPanelStoreUpdate);
    return stop;
}

/**
 * Opens the card `id` in the right panel of the room on screen, opening the panel if it was closed.
 * Returns false, and opens nothing, when no room is on screen (the right panel belongs to a room).
 */
export function showRightPanelCard(id: string): boolean {
    const { rightPanelStore, roomViewStore } = SdkContextClass.instance;
    const roomId = roomViewStore.getRoomId();
    if (!roomId) {
        logger.warn(`Atrium: right-panel card "${id}" not opened: no room is on screen`);
        return false;
    }
    if (following?.id === id && openedRightPanelCard() === id) return true;
    // Another card opened by this file hands over the panel's earlier state (one card shows at a time).
    const panelWasOpen = following?.panelWasOpen ?? rightPanelStore.isOpenForRoom(roomId);
    following?.stop();
    if (!rightPanelStore.isOpenForRoom(roomId)) {
        // The store can only reopen a panel that has a card: a room whose panel never opened gets
        // the SDK's room summary underneath, which shows again once the contributed card closes.
        if (rightPanelStore.currentCardForRoom(roomId).phase === null) {
            rightPanelStore.setCard({ phase: RightPanelPhases.RoomSummary }, true, roomId);
        } else {
            rightPanelStore.show(roomId);
        }
    }
    openRightPanelCard(id);
    following = { id, panelWasOpen, stop: followWhileOpen(id, roomId, panelWasOpen) };
    return true;
}
