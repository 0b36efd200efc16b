// Builds Atrium into webapp/ (or, with ATRIUM_STOCK=1, stock Element from the same pipeline and its own
// entry point, src/stock/index.ts, into webapp-stock/).
// The SDKs ship TypeScript sources; we compile them ourselves, as Element Web does.
const path = require("path");
const fs = require("fs");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const MiniCssExtractPlugin = require("mini-css-extract-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { loadReplacements, replacementFor, ORIGINAL_PREFIX, sdkSrc } = require("./build/sdk-replacements");

const root = __dirname;
const nodeModules = path.join(root, "node_modules");
const sdkRoot = path.join(nodeModules, "matrix-react-sdk");
const stock = process.env.ATRIUM_STOCK === "1";
const outputDir = path.join(root, process.env.ATRIUM_OUTPUT_DIR || (stock ? "webapp-stock" : "webapp"));

// Element's themes, each its own CSS entry; the SDK's theme switcher finds them by data-mx-theme.
const THEMES = ["light", "dark", "light-high-contrast", "legacy-light", "legacy-dark", "light-custom", "dark-custom"];

// Our own code and the SDKs' TypeScript sources go through Babel; other packages ship usable JS.
const BABEL_INCLUDES = [
    path.join(root, "src"),
    path.join(root, "modules"),
    path.join(root, "contract"),
    path.join(sdkRoot, "src"),
    path.join(nodeModules, "matrix-js-sdk/src"),
];

function postcssOptions() {
    return {
        parser: "postcss-scss", // the .pcss files use `//` comments
        plugins: [
            require("postcss-import")(),
            require("postcss-mixins")(),
            require("postcss-simple-vars")(),
            require("postcss-hexrgba")(),
            require("postcss-easings")(),
            require("postcss-nested")(),
            require("postcss-preset-env")({ stage: 3, browsers: "last 2 versions" }),
            require("./build/postcss-drop-stale-raws")(),
        ],
    };
}

function themeEntries() {
    const entries = {};
    for (const theme of THEMES) entries[`theme-${theme}`] = path.join(sdkRoot, `res/themes/${theme}/css/${theme}.pcss`);
    return entries;
}

// The <link data-mx-theme> tags for index.html, computed from the emitted CSS of each theme entry.
function themeLinks(compilation) {
    const publicPath = compilation.outputOptions.publicPath === "auto" ? "" : compilation.outputOptions.publicPath;
    return THEMES.map((theme) => {
        const css = compilation.entrypoints
            .get(`theme-${theme}`)
            .getFiles()
            .find((f) => f.endsWith(".css"));
        return { name: theme, href: publicPath + css };
    });
}

/** Matches files in the packages the declared replacements touch (the plugin's cheap first filter). */
function replacedPackagesPattern(replacements) {
    const packageOf = (target) =>
        target
            .split("/")
            .slice(0, target.startsWith("@") ? 2 : 1)
            .join("/");
    const names = [...new Set(replacements.map((r) => packageOf(r.target)))];
    const escaped = names.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace("/", "[\\\\/]"));
    return new RegExp(`node_modules[\\\\/](${escaped.join("|")})[\\\\/]`);
}

// Declared SDK replacements (src/seams/sdk-replacements.json), matched on the resolved file.
function replacementPlugin() {
    const replacements = loadReplacements({ stock });
    return new webpack.NormalModuleReplacementPlugin(replacedPackagesPattern(replacements), (resolveData) => {
        const createData = resolveData.createData;
        if (!createData || !createData.resource) return;
        const replacement = replacementFor(replacements, {
            resolvedPath: createData.resource,
            request: resolveData.request,
            issuer: resolveData.contextInfo && resolveData.contextInfo.issuer,
        });
        if (!replacement) return;
        // The module's identity is its request string: rewrite it too, or a second importer of the
        // same file would share the first importer's module.
        for (const key of ["request", "userRequest", "rawRequest"]) {
            if (typeof createData[key] === "string")
                createData[key] = createData[key].split(createData.resource).join(replacement);
        }
        createData.resource = replacement;
        createData.context = path.dirname(replacement);
        if (createData.resourceResolveData) {
            createData.resourceResolveData.path = replacement;
            createData.resourceResolveData.context = path.dirname(replacement);
        }
    });
}

// File names in img/ etc. keep their name for readability and a hash for caching.
const assetName = "[name].[contenthash:8][ext]";

module.exports = (env, argv) => {
    const production = argv.mode !== "development";
    return {
        mode: production ? "production" : "development",
        context: root,
        bail: production,
        devtool: production ? "source-map" : "eval-cheap-module-source-map",
        entry: {
            bundle: path.join(root, stock ? "src/stock/index.ts" : "src/index.ts"),
            // The sandboxed page the SDK hands decrypted attachments to (usercontent/).
            usercontent: path.join(root, "src/usercontent/index.ts"),
            // The service worker that adds the token to authenticated media requests (sw.js).
            sw: path.join(root, "src/serviceWorker/index.ts"),
            ...themeEntries(),
        },
        output: {
            path: outputDir,
            publicPath: "",
            // The service worker keeps one URL at the root: its scope and its registration depend on it.
            filename: (pathData) =>
                pathData.chunk && pathData.chunk.name === "sw" ? "sw.js" : "bundles/[name].[contenthash:8].js",
            chunkFilename: "bundles/[name].[contenthash:8].js",
            assetModuleFilename: `assets/${assetName}`,
            clean: true,
        },
        cache: {
            type: "filesystem",
            // ATRIUM_CACHE_DIR lets two builds run side by side without sharing one cache.
            cacheDirectory: path.join(root, process.env.ATRIUM_CACHE_DIR || ".cache/webpack"),
            name: `${stock ? "stock" : "atrium"}-${production ? "prod" : "dev"}`,
            // A change to the build itself or to the seam map must not reuse cached modules.
            buildDependencies: {
                config: [
                    __filename,
                    path.join(root, "babel.config.js"),
                    path.join(root, "build/"),
                    path.join(root, "src/seams/sdk-replacements.json"),
                ],
            },
        },
        resolve: {
            extensions: [".ts", ".tsx", ".js", ".jsx", ".json", ".mjs"],
            alias: {
                // One copy of each, whoever imports them.
                react: path.join(nodeModules, "react"),
                "react-dom": path.join(nodeModules, "react-dom"),
                "matrix-js-sdk": path.join(nodeModules, "matrix-js-sdk"),
                "matrix-react-sdk": sdkRoot,
                // The SDK's languageHandler imports $webapp/i18n/languages.json; a build step fills it.
                $webapp: path.join(root, ".generated"),
                [ORIGINAL_PREFIX.slice(0, -1)]: sdkSrc,
                "@atrium": path.join(root, "src"),
            },
            fallback: {
                buffer: require.resolve("buffer/"),
                util: require.resolve("util/"),
                process: require.resolve("process/browser"),
                fs: false,
                net: false,
                tls: false,
                crypto: false,
                path: false,
            },
        },
        module: {
            noParse: [/highlight\.js[\\/]lib[\\/]languages/],
            rules: [
                {
                    // Bundled as its own script; the import yields its URL.
                    test: /[\\/]matrix-react-sdk[\\/]src[\\/]audio[\\/]RecorderWorklet\.ts$/,
                    type: "javascript/auto",
                    use: [
                        {
                            loader: path.join(root, "build/worklet-loader.js"),
                            options: { filename: "bundles/recorder-worklet.[contenthash:8].js" },
                        },
                        { loader: "babel-loader", options: { cacheDirectory: path.join(root, ".cache/babel") } },
                    ],
                },
                {
                    test: /\.(ts|tsx|js|jsx|mjs)$/,
                    include: BABEL_INCLUDES,
                    exclude: /RecorderWorklet\.ts$/,
                    loader: "babel-loader",
                    options: { cacheDirectory: path.join(root, ".cache/babel") },
                },
                {
                    test: /\.m?js$/,
                    resolve: { fullySpecified: false }, // some ESM packages import without extensions
                },
                {
                    test: /[\\/]\.generated[\\/]i18n[\\/]languages\.json$/,
                    type: "asset/resource",
                    generator: { filename: "i18n/languages.[contenthash:8].json" },
                },
                {
                    // opus-recorder's workers and WASM are loaded by URL at run time.
                    test: /opus-recorder[\\/]dist[\\/].*\.(js|wasm)$/,
                    type: "asset/resource",
                    generator: { filename: `bundles/${assetName}` },
                },
                {
                    test: /\.(pcss|css)$/,
                    use: [
                        // CSS lives in bundles/, its assets are addressed from the output root.
                        { loader: MiniCssExtractPlugin.loader, options: { publicPath: "../" } },
                        { loader: "css-loader", options: { importLoaders: 1, sourceMap: false } },
                        { loader: "postcss-loader", options: { postcssOptions: postcssOptions() } },
                    ],
                },
                {
                    test: /\.svg$/,
                    oneOf: [
                        // From CSS an SVG is a plain file.
                        {
                            issuer: /\.(pcss|css)$/,
                            type: "asset/resource",
                            generator: { filename: `img/${assetName}` },
                        },
                        {
                            // From code: `import { Icon }` gives a component, the default export the URL.
                            type: "javascript/auto",
                            use: [
                                {
                                    loader: "@svgr/webpack",
                                    options: {
                                        namedExport: "Icon",
                                        exportType: "named",
                                        // svgo strips the editors' XML namespaces that JSX cannot hold.
                                        svgo: true,
                                        svgoConfig: {
                                            plugins: [
                                                {
                                                    name: "preset-default",
                                                    params: { overrides: { removeViewBox: false, cleanupIds: false } },
                                                },
                                            ],
                                        },
                                    },
                                },
                                {
                                    loader: "file-loader",
                                    options: { esModule: false, name: "img/[name].[contenthash:8].[ext]" },
                                },
                            ],
                        },
                    ],
                },
                {
                    test: /\.(png|jpe?g|gif|webp|ico|woff2?|ttf|otf|eot|mp3|ogg|wav)$/,
                    oneOf: [
                        { issuer: /\.(pcss|css)$/, type: "asset/resource" },
                        {
                            // The SDK `require()`s images and expects the URL string itself.
                            type: "javascript/auto",
                            loader: "file-loader",
                            options: { esModule: false, name: "assets/[name].[contenthash:8].[ext]" },
                        },
                    ],
                },
            ],
        },
        plugins: [
            replacementPlugin(),
            new webpack.ProvidePlugin({ Buffer: ["buffer", "Buffer"], process: "process/browser" }),
            new webpack.DefinePlugin({
                "process.env.VERSION": JSON.stringify(require("./package.json").version),
            }),
            new MiniCssExtractPlugin({
                filename: "bundles/[name].[contenthash:8].css",
                chunkFilename: "bundles/[name].[contenthash:8].css",
                ignoreOrder: true,
            }),
            new HtmlWebpackPlugin({
                template: path.join(root, "src/usercontent/index.html"),
                filename: "usercontent/index.html",
                chunks: ["usercontent"],
                // The page lives one level down; the bundles are at the root.
                publicPath: "../",
                scriptLoading: "defer",
                minify: false,
            }),
            new HtmlWebpackPlugin({
                template: path.join(root, "src/index.html"),
                chunks: ["bundle"],
                scriptLoading: "defer",
                minify: false,
                templateParameters: (compilation) => ({
                    brand: stock ? "Element" : "Atrium",
                    stock,
                    themes: themeLinks(compilation),
                }),
            }),
            new CopyWebpackPlugin({
                patterns: [
                    {
                        from: path.join(root, ".generated/i18n"),
                        to: "i18n",
                        globOptions: { ignore: ["**/languages.json"] },
                    },
                    // Notification and call sounds: without them every notification logs a decode error.
                    { from: path.join(sdkRoot, "res/media"), to: "media" },
                    { from: path.join(root, "res/static"), to: "." },
                    { from: path.join(root, "config.json"), to: "config.json" },
                ].filter((p) => fs.existsSync(p.from)),
            }),
        ],
        performance: { hints: false },
        optimization: {
            // Module ids stay stable between builds so caching across releases works.
            moduleIds: "deterministic",
        },
        stats: "errors-warnings",
        ignoreWarnings: [/Critical dependency: the request of a dependency is an expression/],
    };
};
