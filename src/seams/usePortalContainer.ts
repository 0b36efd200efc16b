// A container of ours inside markup the SDK renders, kept in place when the SDK re-renders it: the
// slot wrappers (header items, space-bar buttons) portal their contributions into it, the tile
// decorations draw into it.
import { useLayoutEffect, useState } from "react";

/**
 * Calls `place(root, element)` now and on every change under `root`, so `element` follows the SDK's
 * markup; returns what stops following.
 */
export function keepPlaced(
    root: HTMLElement,
    element: HTMLElement,
    place: (root: HTMLElement, element: HTMLElement) => void,
): () => void {
    const follow = (): void => place(root, element);
    follow();
    const observer = new MutationObserver(follow);
    observer.observe(root, { childList: true, subtree: true });
    return () => observer.disconnect();
}

/**
 * Makes an element `tag.className` kept in place by `place` under `wrapper` (see keepPlaced);
 * removed when `wanted` turns false.
 */
export function usePortalContainer(
    wrapper: React.RefObject<HTMLElement>,
    wanted: boolean,
    tag: "div" | "span",
    className: string,
    place: (root: HTMLElement, element: HTMLElement) => void,
): HTMLElement | null {
    const [container, setContainer] = useState<HTMLElement | null>(null);
    useLayoutEffect(() => {
        const root = wrapper.current;
        if (!root || !wanted) return;
        const element = document.createElement(tag);
        element.className = className;
        const stopFollowing = keepPlaced(root, element, place);
        setContainer(element);
        return () => {
            stopFollowing();
            element.remove();
            setContainer(null);
        };
    }, [wrapper, wanted, tag, className, place]);
    return container;
}
