// Re-renders a component when what the archive store answers may have changed (records, tags,
// state of the room shown).
import { useEffect, useReducer } from "react";
import { onRoomStateChange, onRoomTagsChange } from "@atrium/sdk";

import { archiveStore } from "./archiveStore";

export function useArchiveChanges(roomId?: string): void {
    const [, rerender] = useReducer((n: number) => n + 1, 0);
    useEffect(() => {
        archiveStore.ensureWatching();
        const stops = [
            archiveStore.subscribe(rerender),
            onRoomStateChange(rerender, roomId),
            onRoomTagsChange((changed) => (!roomId || changed === roomId) && rerender()),
        ];
        return () => stops.forEach((stop) => stop());
    }, [roomId]);
}
