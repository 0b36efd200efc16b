// CVE-2025-8101: linkifyjs before 4.3.2 copied properties an options object only inherits (a
// polluted prototype's, for one) into the options it applies to links. Atrium pins 4.3.2.
import * as linkify from "linkifyjs";
import { createClient } from "matrix-js-sdk/src/matrix";
import { MatrixClientPeg } from "matrix-react-sdk/src/MatrixClientPeg";
import { linkifyString } from "matrix-react-sdk/src/Linkify";

import { atLeast, installedVersion } from "../helpers/packageVersions";
import { putConfig } from "../helpers/sdkEnvironment";

describe("linkify (CVE-2025-8101)", () => {
    it.each(["linkifyjs", "linkify-react", "linkify-element", "linkify-string"])("%s is at least 4.3.2", (name) => {
        expect(atLeast(installedVersion(name), [4, 3, 2])).toBe(true);
    });

    it("does not take options an options object merely inherits", () => {
        const inherited = Object.create({ rel: "inherited-rel", target: "_inherited" });
        const options = new linkify.Options(inherited);
        expect(options.get("rel")).not.toBe("inherited-rel");
        expect(options.get("target")).not.toBe("_inherited");
    });

    it("still linkifies URLs, room aliases and user IDs the SDK's way", () => {
        putConfig({ brand: "Acme" });
        // Permalinks ask the signed-in client which room an alias is.
        const client = createClient({ baseUrl: "https://matrix.example.org", userId: "@alice:example.org" });
        jest.spyOn(MatrixClientPeg, "safeGet").mockReturnValue(client);
        jest.spyOn(MatrixClientPeg, "get").mockReturnValue(client);
        const html = linkifyString("see https://example.org, #general:example.org and @bob:example.org");
        expect(html).toContain('href="https://example.org"');
        expect(html).toMatch(/href="https:\/\/matrix\.to\/#\/#general:example\.org"/);
        expect(html).toMatch(/href="https:\/\/matrix\.to\/#\/@bob:example\.org"/);
    });
});
