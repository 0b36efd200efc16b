// Replaces the SDK's HomePage (see sdk-replacements.json): the company's brand on top, then the
// actions people start from, then the home-page cards modules contribute (the home-page slot). A
// home_url in the config still gets the SDK's own embedded page.
import React from "react";
import dis from "matrix-react-sdk/src/dispatcher/dispatcher";
import { Action } from "matrix-react-sdk/src/dispatcher/actions";
import { _t } from "matrix-react-sdk/src/languageHandler";
import AutoHideScrollbar from "matrix-react-sdk/src/components/structures/AutoHideScrollbar";
import AccessibleButton from "matrix-react-sdk/src/components/views/elements/AccessibleButton";
import { useMatrixClientContext } from "matrix-react-sdk/src/contexts/MatrixClientContext";
import { getHomePageUrl } from "matrix-react-sdk/src/utils/pages";
import OriginalHomePage from "$sdk-original/components/structures/HomePage";

import { brandFromConfig } from "@atrium/brand/brand";
import { BrandBanner } from "@atrium/brand/BrandBanner";
import { useAppConfig } from "@atrium/config/configStore";
import { useSlot } from "@atrium/sdk/slotRegistry";

interface Props {
    justRegistered?: boolean;
}

const startDirectMessage = (): void => dis.dispatch({ action: "view_create_chat" });
const exploreRooms = (): void => dis.fire(Action.ViewRoomDirectory);
const createRoom = (): void => dis.dispatch({ action: "view_create_room" });

export default function HomePage(props: Props): JSX.Element {
    // Re-rendered when a live config change (brand name, logo, colours) replaces the config.
    const config = useAppConfig();
    const client = useMatrixClientContext();
    const cards = useSlot("homePageCard");
    // A home page set in the config (embedded_pages.home_url, the deprecated welcomePageUrl) gets the
    // SDK's own embedded page, sanitized (seams/EmbeddedPage.tsx). getHomePageUrl is Atrium's
    // (seams/pages.ts): it never takes the page from the homeserver's .well-known.
    if (getHomePageUrl(config, client)) return <OriginalHomePage {...props} />;

    return (
        <AutoHideScrollbar className="mx_HomePage mx_HomePage_default atrium_HomePage" element="main">
            <div className="mx_HomePage_default_wrapper">
                <BrandBanner brand={brandFromConfig(config)} />
                <div className="mx_HomePage_default_buttons">
                    <AccessibleButton onClick={startDirectMessage} className="mx_HomePage_button_sendDm">
                        {_t("onboarding|send_dm")}
                    </AccessibleButton>
                    <AccessibleButton onClick={exploreRooms} className="mx_HomePage_button_explore">
                        {_t("onboarding|explore_rooms")}
                    </AccessibleButton>
                    <AccessibleButton onClick={createRoom} className="mx_HomePage_button_createGroup">
                        {_t("onboarding|create_room")}
                    </AccessibleButton>
                </div>
                {cards.length > 0 && (
                    <div className="atrium_HomePage_cards">
                        {cards.map((card) => (
                            <section key={card.id} className="atrium_HomePage_card" data-card={card.id}>
                                {card.render()}
                            </section>
                        ))}
                    </div>
                )}
            </div>
        </AutoHideScrollbar>
    );
}
