// The module's own strings, in its i18next namespace "wiki-link".
export const WIKI_LINK_NAMESPACE = "wiki-link";

export const wikiLinkStrings = {
    en: { link: "Wiki space", description: "Open this room's wiki space in a new tab" },
    ru: { link: "Раздел вики", description: "Открыть раздел вики этой комнаты в новой вкладке" },
    de: { link: "Wiki-Bereich", description: "Den Wiki-Bereich dieses Raums in einem neuen Tab öffnen" },
    fr: { link: "Espace wiki", description: "Ouvrir l'espace wiki de ce salon dans un nouvel onglet" },
};
