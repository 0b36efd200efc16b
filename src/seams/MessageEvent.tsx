// Wraps the SDK's MessageEvent (see sdk-replacements.json): a media event whose mimetype and file name
// disagree is drawn as a plain file, never as the image, video or sticker it claims to be
// (CVE-2024-51749; the rules are in security/mediaClaims.ts). Everything else is the SDK's own.
import React from "react";
import { EventType, MsgType } from "matrix-js-sdk/src/matrix";
import MFileBody from "matrix-react-sdk/src/components/views/messages/MFileBody";
import OriginalMessageEvent from "$sdk-original/components/views/messages/MessageEvent";

import { mayRenderAsMedia } from "@atrium/security/mediaClaims";

// Read from the instance: the class's two-argument constructor hides its props from ComponentProps.
type Props = OriginalMessageEvent["props"];

const MessageEvent = React.forwardRef<OriginalMessageEvent, Props>(function MessageEvent(props, ref) {
    if (mayRenderAsMedia(props.mxEvent)) return <OriginalMessageEvent ref={ref} {...props} />;
    return (
        <OriginalMessageEvent
            ref={ref}
            {...props}
            overrideBodyTypes={{ ...props.overrideBodyTypes, [MsgType.Image]: MFileBody, [MsgType.Video]: MFileBody }}
            overrideEventTypes={{ ...props.overrideEventTypes, [EventType.Sticker]: MFileBody }}
        />
    );
});

export default MessageEvent;
