// css-loader prints a declaration's raw value when it holds a comment; postcss-simple-vars only
// rewrites `value`, so `$(res)` would survive in the raw copy. Dropping stale raws fixes it.
module.exports = () => ({
    postcssPlugin: "atrium-drop-stale-raws",
    Declaration(decl) {
        if (decl.raws.value && decl.raws.value.value !== decl.value) delete decl.raws.value;
    },
});
module.exports.postcss = true;
