// One Babel setup for webpack and jest: the SDKs ship TypeScript sources that we compile ourselves.
module.exports = (api) => {
    const isTest = api.env("test");
    return {
        sourceMaps: true,
        presets: [
            [
                "@babel/preset-env",
                {
                    // Jest runs on node and needs CommonJS; webpack keeps ES modules for tree shaking.
                    targets: isTest
                        ? { node: "current" }
                        : "last 2 Chrome versions, last 2 Firefox versions, Safari >= 15.4",
                    modules: isTest ? "commonjs" : false,
                    bugfixes: true,
                },
            ],
            // The SDK uses `declare` class fields.
            ["@babel/preset-typescript", { allowDeclareFields: true }],
            "@babel/preset-react",
        ],
        plugins: ["@babel/plugin-proposal-export-default-from", "@babel/plugin-transform-runtime"],
    };
};
