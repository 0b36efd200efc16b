// Stands in for `$webapp/i18n/languages.json`: webpack turns that import into the file's URL, and
// the SDK's languageHandler fetches it. Tests that need the SDK's strings answer this URL themselves.
module.exports = "i18n/languages.json";
