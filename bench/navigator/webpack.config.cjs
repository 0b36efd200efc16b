// The bench page's build: Atrium's own webpack config (same loaders, seams and SDK compilation),
// with the bench page as the only script entry and the light theme beside it. Unminified but in
// production mode (React's production build), so timings are the shipped code's.
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const root = path.resolve(__dirname, "../..");
const atriumConfig = require(path.join(root, "webpack.config.js"));

module.exports = (env, argv) => {
    const config = atriumConfig(env, { ...argv, mode: "production" });
    const themeLight = config.entry["theme-light"];
    config.entry = { bench: path.join(__dirname, "page.tsx"), "theme-light": themeLight };
    config.output.path = process.env.NAV_BENCH_OUTPUT_DIR || path.join(root, ".cache/bench-navigator/page");
    config.cache.cacheDirectory = path.join(root, ".cache/webpack-nav-bench");
    config.cache.name = "nav-bench";
    config.devtool = false;
    config.optimization = { ...config.optimization, minimize: false };
    // The page's own files go through Babel like Atrium's.
    for (const rule of config.module.rules) {
        if (Array.isArray(rule.include) && rule.loader === "babel-loader") rule.include = [...rule.include, __dirname];
    }
    config.plugins = config.plugins
        .filter((plugin) => !(plugin instanceof HtmlWebpackPlugin))
        .concat(
            new HtmlWebpackPlugin({
                chunks: ["bench", "theme-light"],
                scriptLoading: "defer",
                minify: false,
                templateContent: `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Atrium navigator bench</title>
<style>html,body{margin:0;height:100%}#panel{width:320px;height:900px;display:flex;flex-direction:column;overflow:hidden}
#panel>*{flex:1;min-height:0;overflow-y:auto}</style></head>
<body class="cpd-theme-light"><div id="panel" class="mx_LeftPanel_actualRoomListContainer mx_AutoHideScrollbar"></div></body></html>`,
            }),
        );
    return config;
};
