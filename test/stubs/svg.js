// SVGs: the SDK uses both `require("x.svg").default` (a URL) and `import { Icon } from "x.svg"`
// (a component), as the webpack build provides.
const React = require("react");

function Icon(props) {
    return React.createElement("svg", { "data-testid": "svg-stub", ...props });
}

module.exports = { __esModule: true, default: "test-file-stub.svg", Icon };
