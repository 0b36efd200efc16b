// The button above Element's classic room list that brings the navigator back (keyboard reachable,
// like every button). Its counterpart sits in the navigator's header.
import React from "react";

import { useNavigatorStrings } from "../strings";
import { takeSwitchFocus } from "../switchFocus";

export function SwitchToNavigatorButton({ onClick }: { onClick(): void }): JSX.Element {
    const t = useNavigatorStrings();
    return (
        <button type="button" className="atrium_SpaceNav_toNavigator" onClick={onClick} ref={takeSwitchFocus}>
            {t("to_navigator")}
        </button>
    );
}
