import React from "react";
import { act, render, screen } from "@testing-library/react";

import en from "./locales/en.json";
import ru from "./locales/ru.json";
import de from "./locales/de.json";
import fr from "./locales/fr.json";
import {
    addModuleStrings,
    ATRIUM_LANGUAGES,
    atriumI18n,
    atriumLanguageFor,
    initAtriumI18n,
    t,
    useAtriumTranslation,
} from "./atriumI18n";

describe("atriumLanguageFor", () => {
    it.each([
        ["en", "en"],
        ["de", "de"],
        ["de-de", "de"],
        ["de-DE", "de"],
        ["de_DE", "de"],
        ["fr-CA", "fr"],
        ["ru", "ru"],
        ["pt-br", "en"],
        ["zh-hans", "en"],
        ["", "en"],
    ])("maps the SDK's %j to our %j", (sdk, ours) => {
        expect(atriumLanguageFor(sdk)).toBe(ours);
    });

    it("falls back to English for no language", () => {
        expect(atriumLanguageFor(null)).toBe("en");
        expect(atriumLanguageFor(undefined)).toBe("en");
    });
});

describe("initAtriumI18n", () => {
    it("loads the strings of the SDK's language, then switches when called again", async () => {
        await initAtriumI18n("de-DE");
        expect(atriumI18n.language).toBe("de");
        expect(t("home.welcome", { brand: "Acme" })).toBe("Willkommen bei Acme");

        await initAtriumI18n("fr");
        expect(atriumI18n.language).toBe("fr");
        expect(t("startup.reload")).toBe(fr.startup.reload);

        await atriumI18n.changeLanguage("ru");
        expect(t("startup.reload")).toBe(ru.startup.reload);

        await initAtriumI18n("ja");
        expect(t("home.welcome", { brand: "Acme" })).toBe("Welcome to Acme");
    });

    it("does not escape interpolated values (React and textContent do)", async () => {
        await initAtriumI18n("en");
        expect(t("home.welcome", { brand: "<b>A&B</b>" })).toBe("Welcome to <b>A&B</b>");
    });

    it("adds a module's strings under its own namespace, falling back to English", async () => {
        await initAtriumI18n("de");
        addModuleStrings("test-module", { en: { hello: "Hello", only_en: "English only" }, de: { hello: "Hallo" } });
        expect(atriumI18n.t("hello", { ns: "test-module" })).toBe("Hallo");
        expect(atriumI18n.t("only_en", { ns: "test-module" })).toBe("English only");
        expect(t("hello")).not.toBe("Hallo"); // not in Atrium's own namespace
    });
});

describe("useAtriumTranslation", () => {
    function Greeting(): JSX.Element {
        const translate = useAtriumTranslation();
        return <p>{translate("home.welcome", { brand: "Acme" })}</p>;
    }

    it("re-renders the component when the language changes", async () => {
        await initAtriumI18n("en");
        render(<Greeting />);
        expect(screen.getByText("Welcome to Acme")).toBeInTheDocument();
        await act(async () => {
            await atriumI18n.changeLanguage("de");
        });
        expect(screen.getByText("Willkommen bei Acme")).toBeInTheDocument();
    });
});

describe("locale files", () => {
    type Strings = { [key: string]: string | Strings };
    const flatten = (strings: Strings, prefix = ""): Record<string, string> =>
        Object.fromEntries(
            Object.entries(strings).flatMap(([key, value]) =>
                typeof value === "string"
                    ? [[prefix + key, value]]
                    : Object.entries(flatten(value, `${prefix}${key}.`)),
            ),
        );
    const placeholders = (text: string): string[] => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

    const english = flatten(en);
    const translations: Record<string, Strings> = { ru, de, fr };

    it("covers every language Atrium offers", () => {
        expect(Object.keys(translations).sort()).toEqual(ATRIUM_LANGUAGES.filter((l) => l !== "en").sort());
    });

    it.each(Object.keys(translations))("%s has exactly the keys of en", (language) => {
        const keys = Object.keys(flatten(translations[language])).sort();
        expect(keys).toEqual(Object.keys(english).sort());
    });

    it.each(Object.keys(translations))("%s has a non-empty string with en's placeholders for every key", (language) => {
        const strings = flatten(translations[language]);
        for (const [key, text] of Object.entries(english)) {
            expect({ key, text: strings[key]?.trim() || "(empty)" }).not.toEqual({ key, text: "(empty)" });
            expect({ key, placeholders: placeholders(strings[key] ?? "") }).toEqual({
                key,
                placeholders: placeholders(text),
            });
        }
    });
});
