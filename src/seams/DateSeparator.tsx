// Wraps the SDK's DateSeparator (see sdk-replacements.json): an event whose timestamp no Date can
// hold made the SDK's formatter throw and the whole timeline unrenderable (CVE-2024-51750). Such a
// separator now says the date is unknown; every valid one is the SDK's own.
import React from "react";
import TimelineSeparator from "matrix-react-sdk/src/components/views/messages/TimelineSeparator";
import OriginalDateSeparator from "$sdk-original/components/views/messages/DateSeparator";

import { useAtriumTranslation } from "@atrium/i18n/atriumI18n";
import { isRenderableTimestamp } from "@atrium/security/timestamps";

type Props = React.ComponentProps<typeof OriginalDateSeparator>;

function UnknownDateSeparator(): JSX.Element {
    const t = useAtriumTranslation();
    const label = t("timeline.unknown_date");
    return (
        <TimelineSeparator label={label}>
            <div className="mx_DateSeparator_dateContent">
                <h2 className="mx_DateSeparator_dateHeading" aria-hidden="true">
                    {label}
                </h2>
            </div>
        </TimelineSeparator>
    );
}

export default function DateSeparator(props: Props): JSX.Element {
    if (!isRenderableTimestamp(props.ts)) return <UnknownDateSeparator />;
    return <OriginalDateSeparator {...props} />;
}
