// The room-settings tab: set the classification (for those with the power to), see whether the room
// follows its rules, fix what can be fixed in one click, and read what the room is.
import React, { useEffect, useState } from "react";
import { canSendState, sendStateEvent } from "@atrium/sdk";

import { descriptionIn, labelIn } from "../catalogue";
import { describeBadge, describeClassification, describeViolation } from "../describe";
import { CLASSIFICATION_EVENT } from "../policy";
import { currentCatalogue, useRoomPolicy } from "../policyStore";
import { usePolicyStrings } from "../strings";
import { FixButton } from "./FixButton";

type SaveState = { kind: "idle" } | { kind: "saving" } | { kind: "saved" } | { kind: "failed"; error: string };

export function SettingsTab({ roomId }: { roomId: string }): JSX.Element {
    const policy = useRoomPolicy(roomId);
    const { t, language } = usePolicyStrings();
    const catalogue = currentCatalogue();
    const current = policy.status === "verified" ? policy.classification.id : null;
    const [chosen, setChosen] = useState<string>(current ?? catalogue.defaultId);
    const [save, setSave] = useState<SaveState>({ kind: "idle" });
    useEffect(() => setChosen(current ?? catalogue.defaultId), [current, catalogue.defaultId]);
    const mayChange = canSendState(roomId, CLASSIFICATION_EVENT);
    const federate = policy.badges.find((b) => b.kind === "federated" || b.kind === "local-only");

    const submit = async (event: React.FormEvent): Promise<void> => {
        event.preventDefault();
        setSave({ kind: "saving" });
        try {
            await sendStateEvent(roomId, CLASSIFICATION_EVENT, { id: chosen });
            setSave({ kind: "saved" });
        } catch (e) {
            setSave({ kind: "failed", error: e instanceof Error ? e.message : String(e) });
        }
    };

    return (
        <div className="atrium_Policy_tab">
            <h2>{t("tab_heading")}</h2>
            <p className="atrium_Policy_current">{describeClassification(policy, t, language).explanation}</p>
            <form onSubmit={(event) => void submit(event)}>
                <fieldset disabled={!mayChange || save.kind === "saving"}>
                    <legend>{t("choose")}</legend>
                    {catalogue.classifications.map((classification) => (
                        <label key={classification.id} className="atrium_Policy_option">
                            <input
                                type="radio"
                                name="atrium_Policy_classification"
                                value={classification.id}
                                checked={chosen === classification.id}
                                onChange={() => setChosen(classification.id)}
                            />
                            <span
                                className="atrium_Policy_swatch"
                                style={{ backgroundColor: classification.colour }}
                                aria-hidden="true"
                            />
                            <span className="atrium_Policy_optionLabel">{labelIn(classification, language)}</span>
                            {descriptionIn(classification, language) && (
                                <span className="atrium_Policy_optionDescription">
                                    {descriptionIn(classification, language)}
                                </span>
                            )}
                        </label>
                    ))}
                    <button type="submit" className="atrium_Policy_save">
                        {save.kind === "saving" ? t("saving") : t("save")}
                    </button>
                </fieldset>
                {!mayChange && <p>{t("no_power")}</p>}
                <div role="status" aria-live="polite">
                    {save.kind === "saved" && t("saved")}
                </div>
                {save.kind === "failed" && <p role="alert">{t("save_failed", { error: save.error })}</p>}
            </form>

            <h3>{t("compliance")}</h3>
            {policy.violations.length === 0 ? (
                <p>{t("compliant")}</p>
            ) : (
                <ul className="atrium_Policy_violations">
                    {policy.violations.map((violation) => (
                        <li key={violation.rule}>
                            <span>
                                ⚠{" "}
                                {describeViolation(violation, t, labelIn(policy.classification, language)).explanation}
                            </span>{" "}
                            <FixButton roomId={roomId} violation={violation} />
                        </li>
                    ))}
                </ul>
            )}

            <h3>{t("state_heading")}</h3>
            <ul className="atrium_Policy_state">
                {policy.badges.map((badge) => {
                    const words = describeBadge(badge, t);
                    return (
                        <li key={badge.kind}>
                            <strong>{words.text}</strong>: {words.explanation}
                        </li>
                    );
                })}
            </ul>
            {federate && (
                <p className="atrium_Policy_federateNote">
                    {t(federate.kind === "federated" ? "federate_note_on" : "federate_note_off")}
                </p>
            )}
        </div>
    );
}
