// A failure as a sentence for the person: our own reasons by name, the homeserver's by its message.
import { ArchiveError } from "../actions";
import type { Translate } from "../strings";

export function describeFailure(t: Translate, error: unknown): string {
    if (error instanceof ArchiveError) return t(`error_${error.reason}`, { error: error.message });
    const message = error instanceof Error ? error.message : String(error);
    return t("error_failed", { error: message });
}
