// The company directory's entry: its strings, a "Company directory" button beside the space bar, a
// keyboard shortcut, and the panel as a left-panel view opened on demand (the @atrium/sdk slots).
// The panel's code is a chunk of its own, fetched the first time it opens. The view stays open across
// room switches; Escape, the panel's close button, the button or the shortcut close it.
import React, { useImperativeHandle, useMemo, useRef } from "react";
import { RuntimeModule } from "@matrix-org/react-sdk-module-api/lib/RuntimeModule";
import { ModuleApi } from "@matrix-org/react-sdk-module-api/lib/ModuleApi";
import {
    addModuleStrings,
    closeLeftPanelView,
    contribute,
    moduleSettings,
    openedLeftPanelView,
    openLeftPanelView,
    type LeftPanelViewProps,
} from "@atrium/sdk";

import { COMPANY_DIRECTORY_NAMESPACE, companyDirectoryStrings } from "../i18n/strings";
import { appDirectory, MODULE_NAME, sdkPeople } from "./connect";
import { unconfiguredDirectory } from "./offlineDirectory";
import { isDirectoryShortcut, isMac } from "./shortcut";
import { directoryString } from "./strings";
import "../company-directory.pcss";

export const PANEL_ID = "company-directory.panel";

const CompanyDirectoryPanel = React.lazy(() =>
    import(/* webpackChunkName: "company-directory" */ "./components/CompanyDirectoryPanel").then((m) => ({
        default: m.CompanyDirectoryPanel,
    })),
);

function DirectoryView({ close, focusRef }: LeftPanelViewProps): JSX.Element {
    const container = useRef<HTMLDivElement>(null);
    const directory = useMemo(() => appDirectory() ?? unconfiguredDirectory, []);
    useImperativeHandle(focusRef, () => ({
        focus: () => container.current?.querySelector<HTMLInputElement>("input[type=search]")?.focus(),
    }));
    return (
        <div ref={container} className="atrium_CompanyDirectory_view">
            <React.Suspense fallback={<div className="atrium_CompanyDirectory" aria-busy="true" />}>
                <CompanyDirectoryPanel onClose={close} directory={directory} people={sdkPeople} />
            </React.Suspense>
        </div>
    );
}

export function toggleDirectory(): void {
    if (openedLeftPanelView() === PANEL_ID) closeLeftPanelView(PANEL_ID);
    else openLeftPanelView(PANEL_ID);
}

function PeopleIcon(): JSX.Element {
    return (
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" fill="currentColor">
            <path d="M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8Zm0 2c-3.3 0-7 1.6-7 4v2a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1v-2c0-2.4-3.7-4-7-4Zm8-2a3 3 0 1 0 0-6 3 3 0 0 0 0 6Zm1.2 2.1c1.7.7 3.8 1.8 3.8 3.9v2a1 1 0 0 1-1 1h-2.3c.2-.3.3-.6.3-1v-2c0-1.6-.7-2.9-1.8-3.9h1Z" />
        </svg>
    );
}

export class CompanyDirectoryModule extends RuntimeModule {
    public constructor(moduleApi: ModuleApi) {
        super(moduleApi);
        this.moduleName = MODULE_NAME;
        addModuleStrings(COMPANY_DIRECTORY_NAMESPACE, companyDirectoryStrings);
        contribute("leftPanelView", {
            id: PANEL_ID,
            module: MODULE_NAME,
            label: () => directoryString("title"),
            render: (props) => <DirectoryView {...props} />,
        });
        contribute("spaceBarButton", {
            id: "company-directory.open",
            module: MODULE_NAME,
            label: () => directoryString("title"),
            icon: <PeopleIcon />,
            onClick: toggleDirectory,
            isPressed: () => openedLeftPanelView() === PANEL_ID,
        });
        const mac = isMac();
        document.addEventListener("keydown", (event) => {
            if (!isDirectoryShortcut(event, mac) || !moduleSettings(MODULE_NAME).enabled) return;
            event.preventDefault();
            toggleDirectory();
        });
    }
}
