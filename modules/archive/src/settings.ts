// The module's settings (atrium.modules.archive, declared in ../config.schema.json), read when acting.
import { moduleSettings } from "@atrium/sdk";

export const MODULE_NAME = "archive";
export const DEFAULT_ARCHIVE_LEVEL = 100;
export const DEFAULT_INACTIVE_DAYS = 90;

interface ArchiveSettings {
    archive_level: number;
    inactive_days: number;
}

/** The level needed to archive and restore, and the level writing is raised to. */
export function archiveLevel(): number {
    return moduleSettings<ArchiveSettings>(MODULE_NAME).archive_level ?? DEFAULT_ARCHIVE_LEVEL;
}

export function inactiveDays(): number {
    return moduleSettings<ArchiveSettings>(MODULE_NAME).inactive_days ?? DEFAULT_INACTIVE_DAYS;
}
