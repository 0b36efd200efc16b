// maplibre-gl 2.x renders a map style's attribution as HTML: the style must come from the config only.
import type { MatrixClient } from "matrix-js-sdk/src/matrix";
import SdkConfig from "matrix-react-sdk/src/SdkConfig";
import { findMapStyleUrl } from "matrix-react-sdk/src/utils/location";
import { LocationShareError } from "matrix-react-sdk/src/utils/location/LocationShareErrors";
import { findMapStyleUrl as originalFindMapStyleUrl } from "$sdk-original/utils/location/findMapStyleUrl";

import { withAtriumDefaults } from "../../src/config/atriumDefaults";

const clientWithWellKnownTiles = (styleUrl: string): MatrixClient =>
    ({ getClientWellKnown: () => ({ "m.tile_server": { map_style_url: styleUrl } }) }) as unknown as MatrixClient;

describe("findMapStyleUrl seam", () => {
    const hostile = clientWithWellKnownTiles("https://evil.example.org/style.json");
    afterEach(() => SdkConfig.reset());

    it("the SDK's own lookup prefers the homeserver's .well-known over the config (the advisory)", () => {
        SdkConfig.put({ map_style_url: "https://tiles.example.org/style.json" });
        expect(originalFindMapStyleUrl(hostile)).toBe("https://evil.example.org/style.json");
    });

    it("Atrium's takes the config's style and ignores .well-known", () => {
        SdkConfig.put({ map_style_url: "https://tiles.example.org/style.json" });
        expect(findMapStyleUrl(hostile)).toBe("https://tiles.example.org/style.json");
    });

    it("turns maps off, with the SDK's own error, when the config has no http(s) style", () => {
        SdkConfig.put({});
        expect(() => findMapStyleUrl(hostile)).toThrow(LocationShareError.MapStyleUrlNotConfigured);
        SdkConfig.put({ map_style_url: "javascript:alert(1)" });
        expect(() => findMapStyleUrl(hostile)).toThrow(LocationShareError.MapStyleUrlNotConfigured);
    });

    it("hides the location button unless the config sets a map style", () => {
        expect(withAtriumDefaults({}).setting_defaults?.["UIFeature.locationSharing"]).toBe(false);
        const withMaps = withAtriumDefaults({ map_style_url: "https://tiles.example.org/style.json" });
        expect(withMaps.setting_defaults?.["UIFeature.locationSharing"]).toBeUndefined();
        const forcedOn = withAtriumDefaults({ setting_defaults: { "UIFeature.locationSharing": true } });
        expect(forcedOn.setting_defaults?.["UIFeature.locationSharing"]).toBe(true);
    });
});
