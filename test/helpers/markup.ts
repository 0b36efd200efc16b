// Comparing what two renders put in the document: the SDK numbers some element ids per instance
// (fields, toggles, menus), so those numbers are blanked before comparing; and the order in which an
// element's attributes were set (which follows when effects ran, not what is shown) is made one order.
const GENERATED_IDS = [
    /mx_Field_\d+/g,
    /radix-\d+/g,
    /floating-ui-\d+/g,
    /:r[\d.a-z]+:/g,
    /(mx_LabelledToggleSwitch|mx_SettingsFlag)_[A-Za-z0-9]+/g,
];

/** The markup with every element's attributes in name order. */
function withSortedAttributes(html: string): string {
    const template = document.createElement("template");
    template.innerHTML = html;
    for (const element of template.content.querySelectorAll("*")) {
        const attributes = [...element.attributes].map((a) => [a.name, a.value] as const);
        attributes.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        for (const [name] of attributes) element.removeAttribute(name);
        for (const [name, value] of attributes) element.setAttribute(name, value);
    }
    return template.innerHTML;
}

export function withoutGeneratedIds(html: string): string {
    return withSortedAttributes(
        GENERATED_IDS.reduce(
            (text, pattern) => text.replace(pattern, (id) => id.replace(/[\d.]+|_[A-Za-z0-9]+$/g, "#")),
            html,
        ),
    );
}
