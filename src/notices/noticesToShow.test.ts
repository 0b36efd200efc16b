// The notice area's chunk is fetched only when there is something to show.
import type { IConfigOptions } from "matrix-react-sdk/src/IConfigOptions";

import { memoryStorage } from "../../test/helpers/configService";
import { ConfigStore, type ConfigFallback, type ConfigState } from "../config/configStore";
import { DISMISSED_NOTICES_KEY } from "./adminNotices";
import { hasNoticesToShow, whenNoticesToShow } from "./noticesToShow";

const maintenance = {
    atrium: { notices: [{ id: "maintenance", text: "Maintenance on Saturday" }] },
} as unknown as IConfigOptions;
const quiet: ConfigState = { config: {} as IConfigOptions, fallback: null, pendingReload: [] };

describe("hasNoticesToShow", () => {
    it("is false for a plain start", () => {
        expect(hasNoticesToShow(quiet, memoryStorage())).toBe(false);
    });

    it("is true for a fallback, a pending reload or an admin notice not dismissed", () => {
        const fallback: ConfigFallback = {
            source: "last-good",
            reason: { kind: "network", message: "offline" } as ConfigFallback["reason"],
        };
        expect(hasNoticesToShow({ ...quiet, fallback }, memoryStorage())).toBe(true);
        expect(hasNoticesToShow({ ...quiet, pendingReload: ["/default_server_config"] }, memoryStorage())).toBe(true);
        expect(hasNoticesToShow({ ...quiet, config: maintenance }, memoryStorage())).toBe(true);
        const dismissed = memoryStorage({ [DISMISSED_NOTICES_KEY]: JSON.stringify(["maintenance"]) });
        expect(hasNoticesToShow({ ...quiet, config: maintenance }, dismissed)).toBe(false);
    });
});

describe("whenNoticesToShow", () => {
    it("waits until the state has a notice", async () => {
        const store = new ConfigStore();
        store.update(quiet);
        let shown = false;
        const waiting = whenNoticesToShow(store, memoryStorage()).then(() => (shown = true));
        await Promise.resolve();
        expect(shown).toBe(false);

        store.update({ config: maintenance });
        await waiting;
        expect(shown).toBe(true);
    });

    it("resolves at once when there is a notice already", async () => {
        const store = new ConfigStore();
        store.update({ ...quiet, pendingReload: ["/brand"] });
        await expect(whenNoticesToShow(store, memoryStorage())).resolves.toBeUndefined();
    });
});
