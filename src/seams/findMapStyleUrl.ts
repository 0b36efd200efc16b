// Replaces the SDK's findMapStyleUrl (see sdk-replacements.json). maplibre-gl 2.x writes a map style's
// attribution into the page as HTML, and no 2.x release fixes it; the SDK let the homeserver's
// .well-known (m.tile_server) pick that style over the config. Atrium takes the map style from its
// own config only, and maps stay off until an admin sets map_style_url there.
import { logger } from "matrix-js-sdk/src/logger";
import type { MatrixClient } from "matrix-js-sdk/src/matrix";
import SdkConfig from "matrix-react-sdk/src/SdkConfig";
import { LocationShareError } from "matrix-react-sdk/src/utils/location/LocationShareErrors";

export function findMapStyleUrl(_client?: MatrixClient): string {
    const mapStyleUrl = SdkConfig.get().map_style_url;
    if (typeof mapStyleUrl !== "string" || !/^https?:\/\//i.test(mapStyleUrl)) {
        logger.error("Maps are off: map_style_url (an http or https URL) is not set in the config.");
        throw new Error(LocationShareError.MapStyleUrlNotConfigured);
    }
    return mapStyleUrl;
}
