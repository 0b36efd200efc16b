// The archive module's entry: its strings and its contributions. The room-list filter hides
// archived rooms (policy and personal) from the room list and the navigator; the header item shows
// the banner; the space-bar button opens the archive view in the left panel; the room context menu
// and the room settings tab offer archive, restore and "archive for me". The view and the dialogs
// are chunks of their own, fetched on first use.
import React from "react";
import { RuntimeModule } from "@matrix-org/react-sdk-module-api/lib/RuntimeModule";
import { ModuleApi } from "@matrix-org/react-sdk-module-api/lib/ModuleApi";
import {
    addModuleStrings,
    closeLeftPanelView,
    contribute,
    openedLeftPanelView,
    openLeftPanelView,
    type LeftPanelViewProps,
} from "@atrium/sdk";

import { ARCHIVE_NAMESPACE, archiveStrings } from "../i18n/strings";
import { archiveStore } from "./archiveStore";
import { archiveForMe, mayManageArchive, unarchiveForMe } from "./actions";
import { openArchiveDialog, openRestoreDialog } from "./lazyDialogs";
import { ArchiveBanner } from "./components/ArchiveBanner";
import { ArchiveSettingsTab } from "./components/ArchiveSettingsTab";
import { ArchiveIcon } from "./ArchiveIcon";
import { archiveString } from "./strings";
import { MODULE_NAME } from "./settings";
import "../archive.pcss";

export const ARCHIVE_VIEW_ID = "archive.view";

const ArchiveView = React.lazy(() =>
    import(/* webpackChunkName: "archive-view" */ "./components/ArchiveView").then((m) => ({ default: m.ArchiveView })),
);

function LazyArchiveView(props: LeftPanelViewProps): JSX.Element {
    return (
        <React.Suspense fallback={<div className="atrium_ArchiveView" aria-busy="true" />}>
            <ArchiveView {...props} />
        </React.Suspense>
    );
}

/** Opens the archive view, or closes it when it is open (the space-bar button is a toggle). */
export function toggleArchiveView(): void {
    if (openedLeftPanelView() === ARCHIVE_VIEW_ID) closeLeftPanelView(ARCHIVE_VIEW_ID);
    else openLeftPanelView(ARCHIVE_VIEW_ID);
}

const ignoreFailure = (): void => {};

export function contributeArchive(): (() => void)[] {
    const module = MODULE_NAME;
    return [
        contribute("roomListFilter", {
            id: "archive.filter",
            module,
            isHidden: (roomId) => archiveStore.isHidden(roomId),
            onChange: (listener) => archiveStore.subscribe(listener),
        }),
        contribute("roomHeaderItem", {
            id: "archive.banner",
            module,
            render: (roomId) => <ArchiveBanner roomId={roomId} />,
        }),
        contribute("spaceBarButton", {
            id: "archive.open",
            module,
            label: () => archiveString("archive"),
            icon: <ArchiveIcon />,
            onClick: toggleArchiveView,
            isPressed: () => openedLeftPanelView() === ARCHIVE_VIEW_ID,
        }),
        contribute("leftPanelView", {
            id: ARCHIVE_VIEW_ID,
            module,
            label: () => archiveString("view_title"),
            render: (props) => <LazyArchiveView {...props} />,
        }),
        contribute("roomContextMenuItem", {
            id: "archive.archive-room",
            module,
            label: () => archiveString("archive_room"),
            isVisible: (roomId) => mayManageArchive(roomId) && !archiveStore.policyRecord(roomId),
            onSelect: (roomId) => openArchiveDialog([roomId]),
        }),
        contribute("roomContextMenuItem", {
            id: "archive.restore-room",
            module,
            label: () => archiveString("restore_room"),
            isVisible: (roomId) => mayManageArchive(roomId) && archiveStore.policyRecord(roomId) !== null,
            onSelect: (roomId) => openRestoreDialog(roomId),
        }),
        contribute("roomContextMenuItem", {
            id: "archive.for-me",
            module,
            order: 1,
            label: () => archiveString("archive_for_me"),
            isVisible: (roomId) => archiveStore.personalArchive(roomId) === null,
            onSelect: (roomId) => void archiveForMe(roomId).catch(ignoreFailure),
        }),
        contribute("roomContextMenuItem", {
            id: "archive.back-to-list",
            module,
            order: 1,
            label: () => archiveString("unarchive_for_me"),
            isVisible: (roomId) => archiveStore.personalArchive(roomId) !== null,
            onSelect: (roomId) => void unarchiveForMe(roomId).catch(ignoreFailure),
        }),
        contribute("roomSettingsTab", {
            id: "archive.settings",
            module,
            label: () => archiveString("view_title"),
            icon: <ArchiveIcon />,
            render: (roomId) => <ArchiveSettingsTab roomId={roomId} />,
        }),
    ];
}

export class ArchiveModule extends RuntimeModule {
    public constructor(moduleApi: ModuleApi) {
        super(moduleApi);
        this.moduleName = MODULE_NAME;
        addModuleStrings(ARCHIVE_NAMESPACE, archiveStrings);
        contributeArchive();
    }
}
