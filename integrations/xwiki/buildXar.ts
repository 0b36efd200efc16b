// Builds the Atrium chat macro's XAR (a ZIP of package.xml and one page's XML) from the sources in
// src/: the page template, the macro's Velocity code and its parameters. No Maven needed:
//   npx tsx integrations/xwiki/buildXar.ts [out.xar]   (default integrations/xwiki/dist/atrium-chat-macro.xar)
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

import JSZip from "jszip";

// CommonJS under both tsx and jest (the package is not "type": "module").
const here = __dirname;
const sources = path.join(here, "src");

export const MACRO_PAGE = "Atrium/ChatMacro.xml";
export const XAR_VERSION = "1.0.0";

interface MacroParameter {
    name: string;
    description: string;
    mandatory: boolean;
    defaultValue: string;
}

/** Text as XML element content. */
export function xmlText(text: string): string {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function parameterObject(parameter: MacroParameter, index: number): string {
    return [
        "  <object>",
        "    <name>Atrium.ChatMacro</name>",
        `    <number>${index}</number>`,
        "    <className>XWiki.WikiMacroParameterClass</className>",
        `    <guid>6f2c3c9e-4c1a-4d0e-9d55-7a1f0e9b2b${String(index).padStart(2, "0")}</guid>`,
        `    <property>\n      <defaultValue>${xmlText(parameter.defaultValue)}</defaultValue>\n    </property>`,
        `    <property>\n      <description>${xmlText(parameter.description)}</description>\n    </property>`,
        `    <property>\n      <mandatory>${parameter.mandatory ? 1 : 0}</mandatory>\n    </property>`,
        `    <property>\n      <name>${xmlText(parameter.name)}</name>\n    </property>`,
        "  </object>",
    ].join("\n");
}

/** The macro page's XML: the template with the Velocity code and one object per parameter. */
export async function macroPageXml(): Promise<string> {
    const [template, code, parametersJson] = await Promise.all([
        readFile(path.join(sources, "ChatMacro.xml"), "utf8"),
        readFile(path.join(sources, "chatMacro.vm"), "utf8"),
        readFile(path.join(sources, "parameters.json"), "utf8"),
    ]);
    const parameters = JSON.parse(parametersJson) as MacroParameter[];
    return template
        .replace("@@MACRO_CODE@@", () => xmlText(code.trimEnd()))
        .replace("@@PARAMETERS@@", () => parameters.map(parameterObject).join("\n"));
}

/** The XAR's bytes. */
export async function buildXar(): Promise<Uint8Array> {
    const packageXml = (await readFile(path.join(sources, "package.xml"), "utf8")).replace("@@VERSION@@", XAR_VERSION);
    const zip = new JSZip();
    // Fixed dates: the same sources give the same bytes.
    const date = new Date(Date.UTC(2026, 0, 1));
    zip.file("package.xml", packageXml, { date, createFolders: false });
    zip.file(MACRO_PAGE, await macroPageXml(), { date, createFolders: false });
    return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

async function main(): Promise<void> {
    const out = path.resolve(process.argv[2] ?? path.join(here, "dist", "atrium-chat-macro.xar"));
    await mkdir(path.dirname(out), { recursive: true });
    await writeFile(out, await buildXar());
    console.log(`Wrote ${out}`);
}

if (require.main === module) {
    main().catch((error: unknown) => {
        console.error(error);
        process.exit(1);
    });
}
