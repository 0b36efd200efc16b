// Bundles a module as a separate AudioWorklet script and exports its URL.
// The SDK imports `RecorderWorklet` expecting a URL string (the role worklet-loader played on
// webpack 4); webpack 5 has no built-in worklet support for that import style, so a child
// compiler builds the worklet file beside the main bundle.
const { EntryPlugin } = require("webpack");

module.exports = function workletLoader() {};

module.exports.pitch = function pitch(remainingRequest) {
    // webpack's persistent cache would restore this module but not the file the child compiler
    // emits, so a warm rebuild fails ("unexpected caching problem"): always rebuild the worklet.
    this.cacheable(false);
    const callback = this.async();
    const { filename } = this.getOptions();
    const childCompiler = this._compilation.createChildCompiler(
        "audio-worklet",
        { filename, chunkLoading: false, wasmLoading: false, iife: true },
        [new EntryPlugin(this.context, `!!${remainingRequest}`, { name: "audio-worklet" })],
    );
    childCompiler.runAsChild((error, entries) => {
        if (error) return callback(error);
        const file = entries && entries[0] && [...entries[0].files][0];
        if (!file) return callback(new Error(`worklet-loader: no output for ${this.resourcePath}`));
        callback(null, `export default __webpack_public_path__ + ${JSON.stringify(file)};`);
    });
};
