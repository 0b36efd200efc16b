/**
 * @jest-environment node
 */
// The import boundaries of eslint.config.mjs, checked with the project's own config on small
// sources placed (by file path only) where the rules apply. ESLint loads its ES-module config
// with import(), which jest's module sandbox cannot do, so the linting runs in a child Node.
import { spawnSync } from "node:child_process";
import path from "node:path";

interface Case {
    filePath: string;
    code: string;
}

interface LintMessage {
    ruleId: string | null;
    message: string;
}

const root = path.resolve(__dirname, "../..");

// Lints every case in one child process (loading the plugins costs seconds, a case milliseconds).
const LINT_CASES = `
import { ESLint } from "eslint";
const cases = JSON.parse(await new Response(process.stdin).text());
const eslint = new ESLint({ cwd: process.cwd() });
const results = [];
for (const { filePath, code } of cases) {
    const [result] = await eslint.lintText(code, { filePath });
    results.push(result.messages.map(({ ruleId, message }) => ({ ruleId, message })));
}
process.stdout.write(JSON.stringify(results));
`;

function lintAll(cases: Case[]): LintMessage[][] {
    const child = spawnSync(process.execPath, ["--input-type=module", "-e", LINT_CASES], {
        cwd: root,
        input: JSON.stringify(cases),
        encoding: "utf8",
        maxBuffer: 16 * 1024 * 1024,
    });
    if (child.status !== 0) throw new Error(`ESLint failed: ${child.stderr}`);
    return JSON.parse(child.stdout) as LintMessage[][];
}

const BOUNDARY_RULES = ["import-x/no-restricted-paths", "no-restricted-imports"];

const forbidden: [string, Case][] = [
    [
        "src/ importing a module's folder",
        { filePath: "src/x.ts", code: `export * from "../modules/space-navigator";\n` },
    ],
    [
        "a seam importing a module's file",
        {
            filePath: "src/seams/Example.tsx",
            code: `export { RoomLinkModule } from "../../modules/room-link/src/RoomLinkModule";\n`,
        },
    ],
    [
        "src/ loading a module on demand",
        {
            filePath: "src/seams/Lazy.ts",
            code: `export const load = () => import("../../modules/space-navigator");\n`,
        },
    ],
    [
        "registerModules importing more than the list of modules",
        { filePath: "src/bootstrap/registerModules.tsx", code: `export * from "../../modules/space-navigator";\n` },
    ],
    [
        "a module importing the SDK's internals",
        {
            filePath: "modules/foo/src/a.ts",
            code: `export { ModuleRunner } from "matrix-react-sdk/src/modules/ModuleRunner";\n`,
        },
    ],
    [
        "a module importing the SDK's package",
        { filePath: "modules/foo/src/a.ts", code: `export * from "matrix-react-sdk";\n` },
    ],
    [
        "a module importing the js-sdk",
        { filePath: "modules/foo/src/a.ts", code: `export { ClientEvent } from "matrix-js-sdk/src/matrix";\n` },
    ],
    [
        "a module importing a wrapped SDK original",
        {
            filePath: "modules/foo/src/a.tsx",
            code: `export { default } from "$sdk-original/components/views/rooms/RoomList";\n`,
        },
    ],
    [
        "a module importing the app through an alias",
        { filePath: "modules/foo/src/a.ts", code: `export { getConfig } from "@atrium/config/configStore";\n` },
    ],
    [
        "a module importing the app by a relative path",
        { filePath: "modules/foo/src/a.ts", code: `export * from "../../../src/config/configStore";\n` },
    ],
    [
        "a module importing @atrium/sdk's files by a relative path",
        { filePath: "modules/foo/src/a.ts", code: `export * from "../../../src/sdk";\n` },
    ],
    [
        "a module importing another module's files",
        { filePath: "modules/room-link/src/a.ts", code: `export * from "../../space-navigator";\n` },
    ],
];

const allowed: [string, Case][] = [
    [
        "registerModules importing the list of modules",
        { filePath: "src/bootstrap/registerModules.tsx", code: `export { ATRIUM_MODULES } from "../../modules";\n` },
    ],
    [
        "src/ importing the SDK",
        { filePath: "src/x.ts", code: `export { default } from "matrix-react-sdk/src/SdkConfig";\n` },
    ],
    [
        "a module importing @atrium/sdk, the module API, react, i18next and its own files",
        {
            filePath: "modules/foo/src/a.tsx",
            code: [
                `export * from "@atrium/sdk";`,
                `export { moduleSettings } from "@atrium/sdk/index";`,
                `export { RuntimeModule } from "@matrix-org/react-sdk-module-api/lib/RuntimeModule";`,
                `export { useState } from "react";`,
                `export { default as i18next } from "i18next";`,
                `export * from "./b";`,
                `export * from "../i18n/strings";`,
                "",
            ].join("\n"),
        },
    ],
    [
        "the list of modules importing each module",
        { filePath: "modules/index.ts", code: `export * from "./room-link/src/RoomLinkModule";\n` },
    ],
];

describe("import boundaries (eslint.config.mjs)", () => {
    const cases = [...forbidden, ...allowed];
    let results: Map<string, LintMessage[]>;

    beforeAll(() => {
        const messages = lintAll(cases.map(([, c]) => c));
        results = new Map(cases.map(([name], i) => [name, messages[i]]));
    }, 120_000);

    it.each(forbidden)("reports %s", (name) => {
        const boundaryErrors = results.get(name)!.filter((m) => BOUNDARY_RULES.includes(m.ruleId ?? ""));
        expect(boundaryErrors).toHaveLength(1);
    });

    it.each(allowed)("allows %s", (name) => {
        expect(results.get(name)).toEqual([]);
    });
});
