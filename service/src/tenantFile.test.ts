/** @jest-environment node */
import { loadDefaultsFile, loadTenantFile, parseFileText, MAX_FILE_BYTES } from "./tenantFile.ts";

const HS = { "m.homeserver": { base_url: "https://hs.test" } };

function problemsOf(file: string, text: string, defaults = {}) {
    const loaded = loadTenantFile("t", file, text, defaults);
    if (loaded.ok) throw new Error("expected the file to be refused");
    return loaded.problems;
}

describe("loadTenantFile", () => {
    it("reads YAML and JSON tenant files into hosts, origins and a layered config", () => {
        const yaml = loadTenantFile(
            "t",
            "t.yaml",
            "hosts: [a.test]\nweb_origins: ['https://a.test']\nconfig:\n  brand: A\n",
            { disable_guests: true },
        );
        expect(yaml).toEqual({
            ok: true,
            value: {
                name: "t",
                file: "t.yaml",
                hosts: ["a.test"],
                webOrigins: ["https://a.test"],
                config: { disable_guests: true, brand: "A" },
                body: '{\n  "disable_guests": true,\n  "brand": "A"\n}\n',
            },
        });
        const json = loadTenantFile("t", "t.json", `\uFEFF${JSON.stringify({ config: { brand: "A" } })}`, {});
        expect(json).toEqual({
            ok: true,
            value: {
                name: "t",
                file: "t.json",
                hosts: [],
                webOrigins: [],
                config: { brand: "A" },
                body: '{\n  "brand": "A"\n}\n',
            },
        });
    });

    it("validates the layered result, so a tenant may rely on the defaults for required keys", () => {
        const defaults = { default_server_config: HS };
        const text = "config:\n  default_server_config:\n    m.homeserver:\n      server_name: hs.test\n";
        expect(loadTenantFile("t", "t.yaml", text, defaults).ok).toBe(true);
        expect(problemsOf("t.yaml", text)).toEqual([
            { file: "t.yaml", path: "/config/default_server_config/m.homeserver/base_url", message: "is required" },
        ]);
    });

    it("drops __proto__, constructor and prototype keys while layering", () => {
        const loaded = loadTenantFile(
            "t",
            "t.json",
            '{"config": {"__proto__": {"x": 1}, "setting_defaults": {"constructor": 1, "a": 2}}}',
            {},
        );
        expect(loaded.ok && loaded.value.config).toEqual({ setting_defaults: { a: 2 } });
        expect(({} as Record<string, unknown>).x).toBeUndefined();
    });

    it("says where the envelope is wrong", () => {
        expect(problemsOf("t.yaml", "hosts: chat.test\nconfig: {}\nextra: 1\n")).toEqual([
            { file: "t.yaml", path: "/extra", message: expect.stringMatching(/^unknown key/) },
            { file: "t.yaml", path: "/hosts", message: "must be array" },
        ]);
        expect(problemsOf("t.yaml", "hosts: []\n")).toEqual([
            { file: "t.yaml", path: "/config", message: "is required" },
        ]);
        expect(problemsOf("t.yaml", "hosts: [Chat.Test]\nconfig: {}\n")[0]).toMatchObject({
            path: "/hosts/0",
            message: expect.stringContaining("lower-case host name"),
        });
    });

    it("lists every schema problem of the config with its path", () => {
        const text = JSON.stringify({
            config: {
                brand: "",
                atrium: { brand: { colors: { primary: "red" } }, notices: [{ id: "n1", text: "x", level: "loud" }] },
            },
        });
        expect(problemsOf("t.json", text)).toEqual([
            { file: "t.json", path: "/config/brand", message: "must NOT have fewer than 1 characters" },
            {
                file: "t.json",
                path: "/config/atrium/brand/colors/primary",
                message: 'must match pattern "^#[0-9a-fA-F]{6}$"',
            },
            { file: "t.json", path: "/config/atrium/notices/0/level", message: 'must be one of "info", "warning"' },
        ]);
    });

    it("escapes keys in paths as JSON Pointers", () => {
        expect(problemsOf("t.json", '{"config": {"atrium": {"a/b~c": 1}}}')[0].path).toBe("/config/atrium/a~1b~0c");
    });
});

describe("parseFileText", () => {
    it("reports syntax errors with their line", () => {
        const yaml = parseFileText("t.yaml", "config:\n  a: 1\n  a: 2\n");
        expect(yaml).toEqual({
            ok: false,
            problems: [
                {
                    file: "t.yaml",
                    path: "",
                    message: expect.stringMatching(/^YAML syntax error \(DUPLICATE_KEY\).*line 3/),
                },
            ],
        });
        const json = parseFileText("t.json", '{\n  "config": {,}\n}');
        expect(json).toEqual({
            ok: false,
            problems: [
                { file: "t.json", path: "", message: expect.stringMatching(/^JSON syntax error at line 2, column 14/) },
            ],
        });
    });

    it("refuses what JSON cannot carry, and oversized, empty or multi-document files", () => {
        const refused = (file: string, text: string) => {
            const parsed = parseFileText(file, text);
            return parsed.ok ? null : parsed.problems[0];
        };
        expect(refused("t.yaml", "config:\n  x: .inf\n")).toMatchObject({
            path: "/config/x",
            message: "must be a finite number, not Infinity",
        });
        expect(refused("t.yaml", "config:\n  x: !!binary aGVsbG8=\n")).toMatchObject({
            path: "/config/x",
            message: expect.stringMatching(/plain data/),
        });
        expect(refused("t.yaml", "config:\n  x: !custom 1\n")?.message).toMatch(/Unresolved tag/);
        expect(refused("t.yaml", "config: {}\n---\nconfig: {}\n")?.message).toMatch(/2 YAML documents/);
        expect(refused("t.yaml", "")?.message).toMatch(/is empty/);
        expect(refused("t.json", " ".repeat(MAX_FILE_BYTES + 1))?.message).toMatch(/larger than/);
        expect(refused("t.json", "[".repeat(100) + "]".repeat(100))?.message).toMatch(/nested more than/);
        const bomb =
            "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n";
        expect(refused("t.yaml", bomb)?.message).toMatch(/YAML could not be read/);
    });
});

describe("parseFileText: what it says, and where", () => {
    const problem = (file: string, text: string) => {
        const parsed = parseFileText(file, text);
        return parsed.ok ? null : parsed.problems;
    };
    const whole = (file: string, message: string) => [{ file, path: "", message }];

    it('blames the whole file (path "") for its size, its documents and its syntax, in exact words', () => {
        expect(problem("t.json", " ".repeat(MAX_FILE_BYTES + 1))).toEqual(
            whole("t.json", `is larger than ${MAX_FILE_BYTES} bytes`),
        );
        // Exactly at the limit is read (and here fails as JSON, not for its size).
        expect(problem("t.json", " ".repeat(MAX_FILE_BYTES))).toEqual(
            whole("t.json", "JSON syntax error: Unexpected end of JSON input"),
        );
        expect(problem("t.yaml", "")).toEqual(whole("t.yaml", "is empty: expected a mapping with a config key"));
        expect(problem("t.yaml", "config: {}\n---\nconfig: {}\n")).toEqual(
            whole("t.yaml", "holds 2 YAML documents (separated by ---); keep one"),
        );
        expect(problem("t.yaml", "a: " + "[".repeat(40) + "]".repeat(40) + "\n")).toEqual(
            whole("t.yaml", "is nested more than 32 levels deep"),
        );
    });

    it("names the first YAML error, how many more there are, and whether it is an error or a problem", () => {
        expect(problem("t.yaml", "config:\n  a: 1\n  a: 2\n  a: 3\n")).toEqual(
            whole("t.yaml", "YAML syntax error (DUPLICATE_KEY): Map keys must be unique at line 3, column 3 (+1 more)"),
        );
        expect(problem("t.yaml", "config:\n  a: 1\n  a: 2\n")).toEqual(
            whole("t.yaml", "YAML syntax error (DUPLICATE_KEY): Map keys must be unique at line 3, column 3"),
        );
        expect(problem("t.yaml", "config:\n  x: !custom 1\n")).toEqual(
            whole("t.yaml", "YAML problem (TAG_RESOLVE_FAILED): Unresolved tag: !custom at line 2, column 6"),
        );
        const bomb =
            "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n";
        expect(problem("t.yaml", bomb)).toEqual(
            whole("t.yaml", "YAML could not be read: Excessive alias count indicates a resource exhaustion attack"),
        );
    });

    it("counts flow nesting, not flow collections: many shallow lists after a deep one are fine", () => {
        const shallow = Array.from({ length: 40 }, (_, i) => `b${i}: [1]`).join("\n");
        expect(parseFileText("t.yaml", `a: [[1]]\n${shallow}\n`).ok).toBe(true);
        const shallowMaps = Array.from({ length: 40 }, (_, i) => `m${i}: {x: 1}`).join("\n");
        expect(parseFileText("t.yaml", `${shallowMaps}\n`).ok).toBe(true);
        // A deep list followed by a shallow one is still refused before parsing.
        expect(problem("t.yaml", "a: " + "[".repeat(40) + "]".repeat(40) + "\nb: []\n")).toEqual(
            whole("t.yaml", "is nested more than 32 levels deep"),
        );
    });

    it("takes null as plain data", () => {
        expect(parseFileText("t.yaml", "config:\n  x: ~\n  y: null\n")).toEqual({
            ok: true,
            value: { config: { x: null, y: null } },
        });
    });

    it("points at what JSON cannot carry: nesting too deep in block style, a later key, escaped keys", () => {
        const deep =
            "config:\n" + Array.from({ length: 40 }, (_, i) => "  ".repeat(i + 1) + `k${i}:`).join("\n") + " 1\n";
        const deepPath = "/config/" + Array.from({ length: 32 }, (_, i) => `k${i}`).join("/");
        expect(problem("t.yaml", deep)).toEqual([
            { file: "t.yaml", path: deepPath, message: "is nested more than 32 levels deep" },
        ]);
        expect(problem("t.yaml", "config:\n  a: 1\n  b: .inf\n")).toEqual([
            { file: "t.yaml", path: "/config/b", message: "must be a finite number, not Infinity" },
        ]);
        expect(problem("t.yaml", 'config:\n  "a/b~c": .inf\n')).toEqual([
            { file: "t.yaml", path: "/config/a~1b~0c", message: "must be a finite number, not Infinity" },
        ]);
    });
});

describe("loadDefaultsFile", () => {
    it("refuses a defaults file that is no YAML, with the parser's words", () => {
        expect(loadDefaultsFile("_defaults.yaml", "config: [\n")).toEqual({
            ok: false,
            problems: [
                {
                    file: "_defaults.yaml",
                    path: "",
                    message: expect.stringMatching(/^YAML syntax error \(BAD_INDENT\)/),
                },
            ],
        });
    });

    it("takes the defaults' config, which must be valid on its own", () => {
        expect(loadDefaultsFile("_defaults.yaml", "config:\n  disable_guests: true\n")).toEqual({
            ok: true,
            value: { disable_guests: true },
        });
        expect(loadDefaultsFile("_defaults.yaml", "config:\n  disable_guests: 1\nhosts: [a.test]\n")).toEqual({
            ok: false,
            problems: [
                { file: "_defaults.yaml", path: "/hosts", message: expect.stringMatching(/^unknown key/) },
                { file: "_defaults.yaml", path: "/config/disable_guests", message: "must be boolean" },
            ],
        });
    });
});
