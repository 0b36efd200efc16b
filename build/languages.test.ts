import { readdirSync } from "node:fs";
import path from "node:path";
import { getNormalizedLanguageKeys } from "matrix-web-i18n";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- build/ is CommonJS (webpack's and jest's configs require it)
const { languageKeyForFile } = require("./languages.js") as { languageKeyForFile(baseName: string): string };

describe("languageKeyForFile", () => {
    it.each([
        ["en_EN", "en"],
        ["de_DE", "de"],
        ["pt_BR", "pt-br"],
        ["zh_Hans", "zh-hans"],
        ["zh_Hant", "zh-hant"],
        ["fr", "fr"],
        ["cs", "cs"],
    ])("maps %s to %s", (file, key) => {
        expect(languageKeyForFile(file)).toBe(key);
    });

    const sdkFiles = readdirSync(path.join(__dirname, "../node_modules/matrix-react-sdk/src/i18n/strings"))
        .filter((f) => f.endsWith(".json"))
        .map((f) => path.basename(f, ".json"));

    it("gives every SDK translation file its own key", () => {
        const keys = sdkFiles.map(languageKeyForFile);
        expect(new Set(keys).size).toBe(sdkFiles.length);
    });

    it("gives keys the SDK's languageHandler finds for a browser's language", () => {
        const keys = new Set(sdkFiles.map(languageKeyForFile));
        for (const browserLanguage of ["de-DE", "pt-BR", "en-US", "fr", "zh-Hans"]) {
            expect(getNormalizedLanguageKeys(browserLanguage).some((k) => keys.has(k))).toBe(true);
        }
    });
});
