// A container of ours inside markup the SDK renders, kept in place when the SDK re-renders it: the
// slot wrappers (header items, tile decorations, space-bar buttons) portal their contributions into it.
import { useLayoutEffect, useState } from "react";

/**
 * Makes an element `tag.className` and calls `place(root, element)` now and on every change under
 * `wrapper`, so the element follows the SDK's markup; removed when `wanted` turns false.
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
        const follow = (): void => place(root, element);
        follow();
        setContainer(element);
        const observer = new MutationObserver(follow);
        observer.observe(root, { childList: true, subtree: true });
        return () => {
            observer.disconnect();
            element.remove();
            setContainer(null);
        };
    }, [wrapper, wanted, tag, className, place]);
    return container;
}
