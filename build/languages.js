// Maps the SDK's translation file names to the language keys its languageHandler matches against:
// lower case, BCP 47 style ("de_DE" -> "de", "pt_BR" -> "pt-br", "zh_Hans" -> "zh-hans").
function languageKeyForFile(baseName) {
    const [language, region] = baseName.split("_");
    if (!region || region.toLowerCase() === language.toLowerCase()) return language.toLowerCase();
    return `${language}-${region}`.toLowerCase();
}

module.exports = { languageKeyForFile };
