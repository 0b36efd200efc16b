// Wraps the SDK's MessageTimestamp (see sdk-replacements.json): the same out-of-range timestamps that
// broke the date separator (CVE-2024-51750) also throw in every event tile's time. Such a time shows
// as unknown; every valid one is the SDK's own.
import React from "react";
import OriginalMessageTimestamp from "$sdk-original/components/views/messages/MessageTimestamp";

import { useAtriumTranslation } from "@atrium/i18n/atriumI18n";
import { isRenderableTimestamp } from "@atrium/security/timestamps";

type Props = React.ComponentProps<typeof OriginalMessageTimestamp>;

function UnknownTimestamp(): JSX.Element {
    const t = useAtriumTranslation();
    return (
        <span className="mx_MessageTimestamp" title={t("timeline.unknown_time")} aria-hidden={true}>
            {t("timeline.unknown_time_short")}
        </span>
    );
}

export default function MessageTimestamp(props: Props): JSX.Element {
    if (!isRenderableTimestamp(props.ts)) return <UnknownTimestamp />;
    // A bad received-at time only loses the "received at" caption, not the sent-at time.
    const receivedTs = isRenderableTimestamp(props.receivedTs) ? props.receivedTs : undefined;
    return <OriginalMessageTimestamp {...props} receivedTs={receivedTs} />;
}
