// React 17 has no useId: one id per component instance, for aria-labelledby.
import { useRef } from "react";

let next = 0;

export function useStableId(prefix = "atrium_archive"): string {
    const id = useRef<string>();
    if (!id.current) id.current = `${prefix}_${++next}`;
    return id.current;
}
