// Helpers shared by the policy-badges specs.
import type { Locator, Page } from "@playwright/test";

import { matrixRequest, type MatrixSession } from "./fixtures.ts";

const r = encodeURIComponent;

export async function classify(session: MatrixSession, roomId: string, id: string): Promise<void> {
    // The settings tab sets it the same way; its dialog wrapper (roomSettingsTab) lands separately.
    await matrixRequest(
        session.baseUrl,
        "PUT",
        `/_matrix/client/v3/rooms/${r(roomId)}/state/org.atrium.classification/`,
        {
            accessToken: session.accessToken,
            body: { id },
        },
    );
}

export const headerBadges = (page: Page): Locator =>
    page.locator(".atrium_RoomHeaderItems").getByRole("group", { name: "Room policy" });
