// CPU profile samples are charged to the source of their code, and only inside the asked window.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { attributeProfile, profileGroup, type CpuProfile } from "../../bench/profile.ts";

const ORIGIN = "http://127.0.0.1:48181";
const SOURCES = [
    "webpack://atrium/./node_modules/matrix-js-sdk/src/models/room.ts",
    "webpack://atrium/./modules/space-navigator/src/tree/buildTree.ts",
];

function frame(
    url: string,
    lineNumber = 0,
    columnNumber = 0,
    functionName = "f",
): CpuProfile["nodes"][number]["callFrame"] {
    return { url, lineNumber, columnNumber, functionName };
}

describe("CPU profile attribution", () => {
    let dir: string;
    beforeAll(() => {
        dir = mkdtempSync(path.join(os.tmpdir(), "atrium-profile-"));
        writeFileSync(path.join(dir, "bundle.js"), "abcdef");
        writeFileSync(
            path.join(dir, "bundle.js.map"),
            JSON.stringify({ version: 3, sources: SOURCES, mappings: "AAAA,GCAA" }),
        );
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    const profile: CpuProfile = {
        startTime: 0,
        nodes: [
            { id: 1, callFrame: frame("", 0, 0, "(idle)") },
            { id: 2, callFrame: frame(`${ORIGIN}/bundle.js`, 0, 1) },
            { id: 3, callFrame: frame(`${ORIGIN}/bundle.js`, 0, 4) },
            { id: 4, callFrame: frame("wasm://wasm/abc") },
        ],
        // Samples at 1, 3, 6, 10 and 15 ms: each lasts until the next one.
        samples: [1, 2, 3, 4, 2],
        timeDeltas: [1000, 2000, 3000, 4000, 5000],
    };

    it("charges each sample's time to its source's group", async () => {
        const totals = await attributeProfile(profile, dir, ORIGIN);
        expect(Object.fromEntries(totals)).toEqual({
            "(idle)": 2,
            "matrix-js-sdk/models": 3,
            "atrium modules/space-navigator": 4,
            "(WebAssembly: crypto)": 5,
        });
    });

    it("counts only samples inside the window", async () => {
        const totals = await attributeProfile(profile, dir, ORIGIN, { fromMs: 2, toMs: 7 });
        expect(Object.fromEntries(totals)).toEqual({ "matrix-js-sdk/models": 3, "atrium modules/space-navigator": 4 });
    });

    it("names the SDKs by folder and everything else by package", () => {
        expect(
            profileGroup("webpack://atrium/./node_modules/matrix-react-sdk/src/stores/room-list/RoomListStore.ts"),
        ).toBe("matrix-react-sdk/stores/room-list");
        expect(profileGroup("webpack://atrium/./node_modules/matrix-js-sdk/src/client.ts")).toBe("matrix-js-sdk");
        expect(profileGroup("webpack://atrium/./node_modules/react-dom/cjs/react-dom.production.min.js")).toBe(
            "react-dom",
        );
    });
});
