// The small typed layer through which Atrium's modules reach the SDK. Modules import from
// "@atrium/sdk" only, so a test can swap the SDK at this one place and an SDK upgrade is checked here.
import { MatrixClientPeg } from "matrix-react-sdk/src/MatrixClientPeg";
import SdkConfig from "matrix-react-sdk/src/SdkConfig";
import { makeRoomPermalink } from "matrix-react-sdk/src/utils/permalinks/Permalinks";
import { copyPlaintext } from "matrix-react-sdk/src/utils/strings";
import type { IConfigOptions } from "matrix-react-sdk/src/IConfigOptions";
import type { ModuleApi } from "@matrix-org/react-sdk-module-api/lib/ModuleApi";
import type { RuntimeModule } from "@matrix-org/react-sdk-module-api/lib/RuntimeModule";

export {
    addModuleStrings,
    atriumI18n,
    useAtriumTranslation,
    initAtriumI18n,
    ATRIUM_LANGUAGES,
} from "../i18n/atriumI18n";

/** The signed-in user's Matrix ID, or null before sign-in. */
export function currentUserId(): string | null {
    return MatrixClientPeg.get()?.getUserId() ?? null;
}

/**
 * The signed-in client as an opaque token: a store that caches what it read from the client
 * compares it to see a new sign-in (another client, even for the same user) and starts afresh.
 */
export function clientSession(): object | null {
    return MatrixClientPeg.get();
}

/** A shareable link to a room, honouring the config's permalink_prefix. */
export function roomPermalink(roomId: string): string {
    return makeRoomPermalink(MatrixClientPeg.safeGet(), roomId);
}

/** Copies text to the clipboard; false when the browser refused. */
export function copyToClipboard(text: string): Promise<boolean> {
    return copyPlaintext(text);
}

export function appConfig(): Readonly<IConfigOptions> {
    return SdkConfig.get();
}

export { moduleSettings, onModuleSettingsChange, type ModuleSettings } from "./moduleSettings";
export { contribute, contributionsTo, onSlotsChange, useSlot } from "./slotRegistry";
export { drawRoomDecorations } from "./roomDecorations";
export { isRoomListed, roomListedCheck, onRoomListFiltersChange } from "./roomListFilters";
export type * from "./slots";
export {
    closeLeftPanelView,
    closeRightPanelCard,
    onPanelsChange,
    openLeftPanelView,
    openedLeftPanelView,
    openedRightPanelCard,
} from "./panels";

/**
 * Opens the contributed right-panel card `id` (a rightPanelCard contribution) for the room on screen,
 * opening the right panel too. Resolves to false, opening nothing, when no room is on screen.
 */
export async function openRightPanelCard(id: string): Promise<boolean> {
    // The SDK's right-panel store loads with the signed-in app, never with @atrium/sdk at start.
    const { showRightPanelCard } = await import(/* webpackChunkName: "atrium-right-panel" */ "./rightPanel");
    return showRightPanelCard(id);
}

/** One Atrium module as the app registers it: its folder's name and its module-API entry. */
export interface AtriumModule {
    /** The module's folder under modules/, also its key under `atrium.modules` in the config. */
    name: string;
    factory(api: ModuleApi): RuntimeModule;
}
export {
    canSendState,
    knownRoomIds,
    myMembership,
    onRoomStateChange,
    powerLevels,
    powerLevelsOf,
    roomState,
    roomSummary,
    sendStateEvent,
    senderMayHaveSent,
    stateEventLevel,
    userPowerLevel,
    type Membership,
    type PowerLevels,
    type RoomSummary,
    type StateEntry,
} from "./rooms";
export {
    deleteRoomTag,
    fetchRoomEvent,
    lastMessageTs,
    memberName,
    onClientSynced,
    onNotifyingEvent,
    onRoomTagsChange,
    privilegedCreators,
    roomTags,
    setRoomTag,
    spacesOfRoom,
    type FetchedEvent,
} from "./archiveSupport";

export {
    openDirectMessage,
    ownUserId,
    requestOpenIdToken,
    searchUserDirectory,
    showUserProfile,
    USER_DIRECTORY_MAX,
    userAvatarUrl,
    userPresence,
    type OpenIdToken,
    type Presence,
    type UserDirectoryAnswer,
    type UserDirectoryEntry,
} from "./people";

export { memberServers, serverOfUserId } from "./roomMembers";
export { roomAvatarUrl } from "./roomAvatars";
