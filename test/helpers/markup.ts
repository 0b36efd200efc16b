// Comparing what two renders put in the document: the SDK numbers some element ids per instance
// (fields, toggles, menus), so those numbers are blanked before comparing.
const GENERATED_IDS = [
    /mx_Field_\d+/g,
    /radix-\d+/g,
    /floating-ui-\d+/g,
    /:r[\d.a-z]+:/g,
    /(mx_LabelledToggleSwitch|mx_SettingsFlag)_[A-Za-z0-9]+/g,
];

export function withoutGeneratedIds(html: string): string {
    return GENERATED_IDS.reduce(
        (text, pattern) => text.replace(pattern, (id) => id.replace(/[\d.]+|_[A-Za-z0-9]+$/g, "#")),
        html,
    );
}
