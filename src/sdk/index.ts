// The small typed layer through which Atrium's modules reach the SDK. Modules import from
// "@atrium/sdk" only, so a test can swap the SDK at this one place and an SDK upgrade is checked here.
import { MatrixClientPeg } from "matrix-react-sdk/src/MatrixClientPeg";
import SdkConfig from "matrix-react-sdk/src/SdkConfig";
import { makeRoomPermalink } from "matrix-react-sdk/src/utils/permalinks/Permalinks";
import { copyPlaintext } from "matrix-react-sdk/src/utils/strings";
import type { IConfigOptions } from "matrix-react-sdk/src/IConfigOptions";
import type { ModuleApi } from "@matrix-org/react-sdk-module-api/lib/ModuleApi";
import type { RuntimeModule } from "@matrix-org/react-sdk-module-api/lib/RuntimeModule";

export { addModuleStrings, atriumI18n, useAtriumTranslation, initAtriumI18n, ATRIUM_LANGUAGES } from "../i18n/atriumI18n";

/** The signed-in user's Matrix ID, or null before sign-in. */
export function currentUserId(): string | null {
    return MatrixClientPeg.get()?.getUserId() ?? null;
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
export { isRoomListed, onRoomListFiltersChange } from "./roomListFilters";
export type * from "./slots";
export {
    closeLeftPanelView,
    closeRightPanelCard,
    onPanelsChange,
    openLeftPanelView,
    openedLeftPanelView,
    openedRightPanelCard,
    openRightPanelCard,
} from "./panels";

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
export { memberServers, serverOfUserId } from "./roomMembers";
export { roomAvatarUrl } from "./roomAvatars";
