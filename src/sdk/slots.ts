// The places in the SDK's UI where a module may add something, and what it adds there. Module API
// 2.5 has hooks for none of them (only a room-header button and a wrapper around the app); each slot
// is rendered by one declared wrapper in src/seams (listed in sdk-replacements.json). A module calls
// `contribute(slot, ...)` from its entry; what a switched-off module contributed is not shown, and
// comes back when the config switches it on again.
import type { ReactNode, Ref } from "react";

/** What every contribution names: itself (unique within its slot) and the module that owns it. */
interface Contribution {
    /** Unique within the slot, e.g. "company-directory.panel". */
    id: string;
    /** The module's folder name: its `atrium.modules.<module>.enabled` switch governs the contribution. */
    module: string;
    /** Lower first; ties go by id. Default 0. */
    order?: number;
}

/** Labels are functions so they follow the language. */
type Label = () => string;

export interface LeftPanelViewProps {
    /** The signed-in user (null while signing in). */
    userId: string | null;
    /** Closes an opened view (back to the default view). */
    close(): void;
    /** The left panel moves focus into the view with this (the room search's "next" key). */
    focusRef: Ref<{ focus(): void }>;
}

/** A view of the left panel: either the default in the room list's place, or opened on demand. */
export interface LeftPanelView extends Contribution {
    label: Label;
    render(props: LeftPanelViewProps): ReactNode;
    /** True while this view takes the room list's place by default (the user's or the config's choice). */
    replacesRoomList?(userId: string | null): boolean;
    /** While this view shows, the space bar's tree is renamed to this, so two trees never share a name. */
    spaceBarLabel?: Label;
    /** Drawn above Element's room list while this view is not showing (e.g. a button to switch to it). */
    renderAboveRoomList?(userId: string | null): ReactNode;
    /** Subscribes to changes of what `replacesRoomList` answers; returns the unsubscribe. */
    onChange?(listener: () => void): () => void;
}

/** A button below the space bar (Home, People… are the SDK's; these are ours). */
export interface SpaceBarButton extends Contribution {
    label: Label;
    icon: ReactNode;
    onClick(): void;
    /** A toggle's state, announced as aria-pressed. */
    isPressed?(): boolean;
}

/**
 * The IDs a navigator row gives a decoration for the elements its own accessible name and description
 * read, so the row is heard as it is seen without asking the decoration for its words again.
 */
export interface RoomDecorationIds {
    /** The element whose name is the words the decoration shows: the row's name says them. */
    words: string;
    /** The element whose text explains the decoration in full: the row's description. */
    description: string;
}

/**
 * Something small after a room's name (a badge): on classic room tiles and navigator nodes.
 *
 * Drawn with the DOM, not React: a list shows one on every row, and its first render pays for them
 * all. On a tile the SDK has no place for a child of ours, and a portal into every tile cost each one
 * some 150 event listeners (React 17 listens on every portal's container) and a second render, more
 * than the badge itself; a navigator node takes the same drawing, so a decoration is written once.
 */
export interface RoomDecoration extends Contribution {
    /**
     * Draws the room's decoration into `element` (an empty span, the decoration's alone), keeps it
     * current, and returns what takes it away. On a node, `ids` name what the row reads (an ID the
     * decoration leaves unused reads nothing). Text only through `textContent`, never markup.
     */
    draw(element: HTMLElement, roomId: string, ids?: RoomDecorationIds): () => void;
}

/** Something in the room header, beside the room's name. */
export interface RoomHeaderItem extends Contribution {
    render(roomId: string): ReactNode;
}

/** A tab of the room settings dialog. */
export interface RoomSettingsTab extends Contribution {
    label: Label;
    icon?: ReactNode;
    render(roomId: string): ReactNode;
    isVisible?(roomId: string): boolean;
}

/** An entry of a room's context menu (room list and navigator). */
export interface RoomContextMenuItem extends Contribution {
    label: Label;
    icon?: ReactNode;
    onSelect(roomId: string): void;
    isVisible?(roomId: string): boolean;
}

/** A notice inside the invite dialog, about the people about to be invited. */
export interface InviteDialogNotice extends Contribution {
    render(invite: { roomId: string | null; userIds: readonly string[] }): ReactNode;
}

/** A card of the right panel, opened with `openRightPanelCard`. */
export interface RightPanelCard extends Contribution {
    label: Label;
    render(roomId: string): ReactNode;
}

/** A card on the home page. */
export interface HomePageCard extends Contribution {
    render(): ReactNode;
}

/** Hides rooms from the room list and the navigator's tree (e.g. archived rooms). */
export interface RoomListFilter extends Contribution {
    isHidden(roomId: string): boolean;
    /** Subscribes to changes of what `isHidden` answers; returns the unsubscribe. */
    onChange?(listener: () => void): () => void;
}

export interface SlotMap {
    leftPanelView: LeftPanelView;
    spaceBarButton: SpaceBarButton;
    roomDecoration: RoomDecoration;
    roomHeaderItem: RoomHeaderItem;
    roomSettingsTab: RoomSettingsTab;
    roomContextMenuItem: RoomContextMenuItem;
    inviteDialogNotice: InviteDialogNotice;
    rightPanelCard: RightPanelCard;
    homePageCard: HomePageCard;
    roomListFilter: RoomListFilter;
}

export type SlotName = keyof SlotMap;

export const SLOT_NAMES: readonly SlotName[] = [
    "leftPanelView",
    "spaceBarButton",
    "roomDecoration",
    "roomHeaderItem",
    "roomSettingsTab",
    "roomContextMenuItem",
    "inviteDialogNotice",
    "rightPanelCard",
    "homePageCard",
    "roomListFilter",
];
