// A module written for the module API alone (no Atrium SDK layer, no SDK imports), as a module for
// stock Element would be: it wraps the app in a strip naming the deployment (WrapperLifecycle.Wrapper)
// and adds a "Report a problem" button to every room header (RoomViewLifecycle.ViewRoom).
import React, { type PropsWithChildren } from "react";
import { RuntimeModule } from "@matrix-org/react-sdk-module-api/lib/RuntimeModule";
import type { ModuleApi } from "@matrix-org/react-sdk-module-api/lib/ModuleApi";
import {
    RoomViewLifecycle,
    type ViewRoomOpts,
} from "@matrix-org/react-sdk-module-api/lib/lifecycles/RoomViewLifecycle";
import { WrapperLifecycle, type WrapperOpts } from "@matrix-org/react-sdk-module-api/lib/lifecycles/WrapperLifecycle";

import { STRING_KEYS, translations } from "../i18n/translations";
import { EnvironmentBanner } from "./EnvironmentBanner";
import { ReportIcon } from "./ReportIcon";
import { MODULE_NAME, readSettings } from "./settings";

export const REPORT_BUTTON_ID = "atrium.environment-banner.report";

/** Opens the report page in a new tab that cannot reach back into the app. */
function openReportPage(url: string): void {
    window.open(url, "_blank", "noopener,noreferrer");
}

export class EnvironmentBannerModule extends RuntimeModule {
    public constructor(moduleApi: ModuleApi) {
        super(moduleApi);
        this.moduleName = MODULE_NAME;
        moduleApi.registerTranslations(translations);
        this.on(WrapperLifecycle.Wrapper, this.onWrapper);
        this.on(RoomViewLifecycle.ViewRoom, this.onViewRoom);
    }

    private onWrapper = (opts: WrapperOpts): void => {
        // Without a label there is nothing to show: the app keeps its page structure untouched.
        const atStart = readSettings(this.moduleApi);
        if (!atStart.enabled || atStart.label === null) return;
        // Another module may have wrapped the app already: keep its wrapper inside ours.
        const Inner = opts.Wrapper;
        const moduleApi = this.moduleApi;
        opts.Wrapper = function EnvironmentBannerWrapper({
            children,
        }: PropsWithChildren<Record<never, never>>): JSX.Element {
            // Read at each render, so a changed label (or the module switched off) shows when the app re-renders.
            const settings = readSettings(moduleApi);
            const label = settings.enabled ? settings.label : null;
            return (
                <EnvironmentBanner
                    text={label === null ? null : moduleApi.translateString(STRING_KEYS.bannerText, { label })}
                    regionLabel={moduleApi.translateString(STRING_KEYS.bannerRegion)}
                    tone={settings.tone}
                >
                    <Inner>{children}</Inner>
                </EnvironmentBanner>
            );
        };
    };

    private onViewRoom = (opts: ViewRoomOpts): void => {
        const { enabled, reportUrl } = readSettings(this.moduleApi);
        if (!enabled || reportUrl === null) return;
        opts.buttons.push({
            id: REPORT_BUTTON_ID,
            icon: <ReportIcon />,
            label: () => this.moduleApi.translateString(STRING_KEYS.reportProblem),
            onClick: () => openReportPage(reportUrl),
        });
    };
}
