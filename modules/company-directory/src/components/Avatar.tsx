// A round avatar: the person's Matrix avatar when they have one, else their initials.
import React, { useEffect, useState } from "react";

import type { PeopleApi } from "../types";

export function initials(name: string): string {
    const words = name.trim().split(/\s+/).filter(Boolean);
    const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
    return letters.map((word) => [...word][0]?.toUpperCase() ?? "").join("") || "?";
}

interface AvatarProps {
    name: string;
    size: number;
    /** Whose Matrix avatar to show; initials only when absent. */
    userId?: string | null;
    avatarMxc?: string | null;
    /** An http(s) photo from the directory, used when there is no Matrix avatar. */
    photoUrl?: string | null;
    people?: PeopleApi;
}

export function Avatar({ name, size, userId, avatarMxc, photoUrl, people }: AvatarProps): JSX.Element {
    const [url, setUrl] = useState<string | null>(null);
    const [broken, setBroken] = useState(false);
    useEffect(() => {
        setUrl(null);
        setBroken(false);
        if (!userId || !people) return;
        let live = true;
        people.avatarUrl(userId, size * 2, avatarMxc).then(
            (found) => live && setUrl(found),
            () => undefined, // no avatar is not an error: initials stay
        );
        return () => {
            live = false;
        };
    }, [userId, avatarMxc, size, people]);
    const source = !broken ? (url ?? photoUrl ?? null) : null;
    return (
        <span
            className="atrium_DirectoryAvatar"
            style={{ width: size, height: size, fontSize: size * 0.4 }}
            aria-hidden="true"
        >
            {source ? (
                <img src={source} alt="" width={size} height={size} onError={() => setBroken(true)} />
            ) : (
                initials(name)
            )}
        </span>
    );
}
