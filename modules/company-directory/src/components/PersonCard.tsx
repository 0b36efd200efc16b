// One person: who they are, where they sit, how to reach them, whom they report to and who reports
// to them (each a link to their own card), and the actions Message, Copy Matrix ID, View profile.
import React, { useEffect, useState } from "react";

import { atriumI18n } from "@atrium/sdk";

import { localTime } from "../localTime";
import { useDirectoryStrings } from "../strings";
import type { DirectoryPerson, PeopleApi, Presence } from "../types";
import { Avatar } from "./Avatar";

/** What the card shows: a directory person, or only what the homeserver knows (the fallback). */
export interface CardPerson {
    name: string;
    matrixId: string | null;
    avatarMxc?: string | null;
    directory?: DirectoryPerson;
    managerChain?: DirectoryPerson[];
    directReports?: DirectoryPerson[];
}

interface PersonCardProps {
    person: CardPerson;
    people: PeopleApi;
    onBack(): void;
    onOpenPerson(id: string): void;
    /** For tests: the clock. */
    now?: () => Date;
}

function PersonLink({ person, onOpen }: { person: DirectoryPerson; onOpen(id: string): void }): JSX.Element {
    return (
        <li>
            <button type="button" className="atrium_PersonCard_link" onClick={() => onOpen(person.id)}>
                <span className="atrium_PersonCard_linkName">{person.name}</span>
                {person.title && <span className="atrium_PersonCard_linkTitle">{person.title}</span>}
            </button>
        </li>
    );
}

export function PersonCard({
    person,
    people,
    onBack,
    onOpenPerson,
    now = () => new Date(),
}: PersonCardProps): JSX.Element {
    const t = useDirectoryStrings();
    const [presence, setPresence] = useState<Presence | null>(null);
    const [status, setStatus] = useState<string | null>(null);
    const [messaging, setMessaging] = useState(false);
    const { matrixId, directory } = person;

    useEffect(() => {
        setPresence(null);
        setStatus(null);
        if (!matrixId) return;
        let live = true;
        people.presence(matrixId).then(
            (found) => live && setPresence(found),
            () => undefined, // presence is a nicety: without it the card shows none
        );
        return () => {
            live = false;
        };
    }, [matrixId, people]);

    const message = async (): Promise<void> => {
        if (!matrixId) return;
        setMessaging(true);
        setStatus(t("messaging"));
        try {
            await people.openDirectMessage(matrixId);
            setStatus(null);
        } catch (error) {
            setStatus(t("message_failed", { reason: (error as Error).message }));
        } finally {
            setMessaging(false);
        }
    };
    const copy = async (): Promise<void> => {
        if (!matrixId) return;
        setStatus(t((await people.copyToClipboard(matrixId)) ? "copied" : "copy_failed"));
    };

    const time = localTime(directory?.time_zone ?? null, now(), atriumI18n.language || "en");
    const chain = person.managerChain ?? [];
    const reports = person.directReports ?? [];

    return (
        <article className="atrium_PersonCard" aria-label={person.name}>
            <button type="button" className="atrium_PersonCard_back" onClick={onBack}>
                {t("back")}
            </button>
            <header className="atrium_PersonCard_header">
                <Avatar
                    name={person.name}
                    size={64}
                    userId={matrixId}
                    avatarMxc={person.avatarMxc}
                    photoUrl={directory?.photo_url}
                    people={people}
                />
                <div>
                    <h3 className="atrium_PersonCard_name">{person.name}</h3>
                    {directory?.title && <p className="atrium_PersonCard_title">{directory.title}</p>}
                    {presence && (
                        <p className={`atrium_PersonCard_presence atrium_PersonCard_presence_${presence}`}>
                            {t(`presence_${presence}`)}
                        </p>
                    )}
                </div>
            </header>
            <dl className="atrium_PersonCard_facts">
                {directory && directory.department.length > 0 && <dd>{directory.department.join(" › ")}</dd>}
                {directory?.location && <dd>{directory.location}</dd>}
                {time && <dd>{t("local_time", { time })}</dd>}
                {matrixId && <dd className="atrium_PersonCard_mxid">{matrixId}</dd>}
                {directory?.email && (
                    <dd>
                        <a href={`mailto:${directory.email}`} aria-label={t("email", { address: directory.email })}>
                            {directory.email}
                        </a>
                    </dd>
                )}
                {directory?.phone && (
                    <dd>
                        <a
                            href={`tel:${directory.phone.replace(/[^+\d]/g, "")}`}
                            aria-label={t("phone", { number: directory.phone })}
                        >
                            {directory.phone}
                        </a>
                    </dd>
                )}
            </dl>
            <div className="atrium_PersonCard_actions">
                <button type="button" onClick={() => void message()} disabled={!matrixId || messaging}>
                    {t("message")}
                </button>
                <button type="button" onClick={() => void copy()} disabled={!matrixId}>
                    {t("copy_id")}
                </button>
                <button type="button" onClick={() => matrixId && people.showProfile(matrixId)} disabled={!matrixId}>
                    {t("view_profile")}
                </button>
            </div>
            {!matrixId && <p className="atrium_PersonCard_note">{t("no_matrix_account", { name: person.name })}</p>}
            <p role="status" className="atrium_PersonCard_status">
                {status}
            </p>
            {chain.length > 0 && (
                <section aria-label={t("reports_to")}>
                    <h4>{t("reports_to")}</h4>
                    <ol className="atrium_PersonCard_chain">
                        {chain.map((manager) => (
                            <PersonLink key={manager.id} person={manager} onOpen={onOpenPerson} />
                        ))}
                    </ol>
                </section>
            )}
            {reports.length > 0 && (
                <section aria-label={t("direct_reports")}>
                    <h4>{t("direct_reports")}</h4>
                    <ul className="atrium_PersonCard_reports">
                        {reports.map((report) => (
                            <PersonLink key={report.id} person={report} onOpen={onOpenPerson} />
                        ))}
                    </ul>
                </section>
            )}
        </article>
    );
}
