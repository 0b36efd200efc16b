import JSZip from "jszip";

import { buildXar, MACRO_PAGE } from "./buildXar";
import { renderWikiMacro } from "./xwikiRendering";

const parseXml = (text: string): Document => new DOMParser().parseFromString(text, "application/xml");
const childText = (element: Element, name: string): string =>
    Array.from(element.getElementsByTagName(name))[0]?.textContent ?? "";

async function readXar() {
    const zip = await JSZip.loadAsync(await buildXar());
    const packageXml = parseXml(await zip.file("package.xml")!.async("string"));
    const page = parseXml(await zip.file(MACRO_PAGE)!.async("string"));
    return { zip, packageXml, page };
}

/** A property's value of an xWiki object (its `<property><name>…</name></property>`, not the object's own `<name>`). */
function property(object: Element, name: string): string {
    const holder = Array.from(object.children).find(
        (c) => c.tagName === "property" && c.firstElementChild?.tagName === name,
    );
    return holder?.firstElementChild?.textContent ?? "";
}

function objectsOf(page: Document, className: string): Element[] {
    return Array.from(page.getElementsByTagName("object")).filter((o) => childText(o, "className") === className);
}

async function macroCode(): Promise<string> {
    const { page } = await readXar();
    return property(objectsOf(page, "XWiki.WikiMacroClass")[0], "code");
}

/** The page's HTML for one use of the macro, as a DOM to query. */
async function rendered(
    parameters: Record<string, string>,
    preferences = { atrium_base_url: "https://chat.acme.test/" },
) {
    const html = renderWikiMacro(await macroCode(), { parameters, preferences });
    const container = document.createElement("div");
    container.innerHTML = html;
    return container;
}

describe("the Atrium chat macro's XAR", () => {
    it("is a package listing one page, which the archive holds, well-formed", async () => {
        const { zip, packageXml, page } = await readXar();
        const listed = Array.from(packageXml.getElementsByTagName("file")).map((f) => f.textContent);
        expect(listed).toEqual(["Atrium.ChatMacro"]);
        expect(Object.keys(zip.files).sort()).toEqual(["Atrium/ChatMacro.xml", "package.xml"]);
        expect(page.getElementsByTagName("parsererror")).toHaveLength(0);
        expect(page.documentElement.getAttribute("reference")).toBe("Atrium.ChatMacro");
    });

    it("holds a wiki macro `atrium` with the parameters room (mandatory), mode, height and base_url", async () => {
        const { page } = await readXar();
        const [macro] = objectsOf(page, "XWiki.WikiMacroClass");
        expect(property(macro, "id")).toBe("atrium");
        expect(property(macro, "contentType")).toBe("No content");
        expect(property(macro, "code")).toMatch(/^\{\{velocity\}\}/);
        const parameters = objectsOf(page, "XWiki.WikiMacroParameterClass").map((o) => ({
            name: property(o, "name"),
            mandatory: property(o, "mandatory"),
        }));
        expect(parameters).toEqual([
            { name: "room", mandatory: "1" },
            { name: "mode", mandatory: "0" },
            { name: "height", mandatory: "0" },
            { name: "base_url", mandatory: "0" },
        ]);
    });
});

describe("the macro's output, rendered as xWiki would", () => {
    it("frames the room in Atrium's embedded mode and links back to it", async () => {
        const page = await rendered({ room: "#team:acme.test" });
        const frame = page.querySelector("iframe")!;
        expect(frame.getAttribute("src")).toBe("https://chat.acme.test/?embed=room&room=%23team%3Aacme.test");
        expect(frame.getAttribute("title")).toBe("Atrium chat: #team:acme.test");
        expect(frame.getAttribute("style")).toContain("height:600px");
        const link = page.querySelector("a")!;
        expect(link.getAttribute("href")).toBe("https://chat.acme.test/#/room/%23team%3Aacme.test");
        expect(link.getAttribute("target")).toBe("_blank");
        expect(link.getAttribute("rel")).toBe("noopener noreferrer");
        expect(link.textContent).toBe("Open in Atrium");
    });

    it("frames a space by ID with the given height and base URL", async () => {
        const page = await rendered({
            room: "!AbC123:acme.test",
            mode: "space",
            height: "480",
            base_url: "https://other.acme.test/chat/",
        });
        const frame = page.querySelector("iframe")!;
        expect(frame.getAttribute("src")).toBe("https://other.acme.test/chat/?embed=space&space=%21AbC123%3Aacme.test");
        expect(frame.getAttribute("style")).toContain("height:480px");
    });

    it.each([
        ["a script in the room", { room: '"><script>alert(1)</script>' }],
        ["an attribute in the room", { room: '#x" onload="alert(1):acme.test' }],
        ["wiki syntax closing the html macro", { room: "#a{{/html}}{{velocity}}$xwiki{{/velocity}}:acme.test" }],
        ["a space in the room", { room: "#team :acme.test" }],
        ["no room", {}],
        ["an unknown mode", { room: "#team:acme.test", mode: "everything" }],
        ["a height that is not a number", { room: "#team:acme.test", height: "600px;position:fixed" }],
        ["a height out of range", { room: "#team:acme.test", height: "5000" }],
        ["a javascript: base URL", { room: "#team:acme.test", base_url: "javascript:alert(1)//" }],
        ["a base URL with a quote", { room: "#team:acme.test", base_url: 'https://chat.acme.test/"onload=' }],
    ])("refuses %s with an error box and no frame", async (_case, parameters) => {
        const page = await rendered(parameters as Record<string, string>);
        expect(page.querySelector("iframe")).toBeNull();
        expect(page.querySelector("script")).toBeNull();
        expect(page.querySelectorAll("[onload], [onerror]")).toHaveLength(0);
        expect(page.querySelector(".errormessage")?.textContent).toMatch(/^Atrium chat: /);
    });

    it("asks for Atrium's address when neither the parameter nor the preference gives it", async () => {
        const page = await rendered({ room: "#team:acme.test" }, { atrium_base_url: "" });
        expect(page.querySelector(".errormessage")?.textContent).toMatch(/atrium_base_url/);
    });
});
