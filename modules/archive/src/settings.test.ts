import SdkConfig from "matrix-react-sdk/src/SdkConfig";
import { moduleSettings } from "@atrium/sdk";

import { archiveLevel, inactiveDays } from "./settings";

describe("the archive module's settings", () => {
    afterEach(() => SdkConfig.reset());

    it("defaults to room admins and 90 days", () => {
        expect(archiveLevel()).toBe(100);
        expect(inactiveDays()).toBe(90);
    });

    it("reads the configured level and days", () => {
        SdkConfig.put({ atrium: { modules: { archive: { archive_level: 50, inactive_days: 30 } } } } as never);
        expect(archiveLevel()).toBe(50);
        expect(inactiveDays()).toBe(30);
    });

    it.each([{ archive_level: 0 }, { archive_level: 1.5 }, { inactive_days: "90" }, { unknown: true }])(
        "turns the module off rather than run on settings the schema refuses: %j",
        (settings) => {
            SdkConfig.put({ atrium: { modules: { archive: settings } } } as never);
            expect(moduleSettings("archive").enabled).toBe(false);
        },
    );
});
