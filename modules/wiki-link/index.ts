// The wiki-link module: the room's wiki space as a link in the room header.
import type { AtriumModule } from "@atrium/sdk";

import { WikiLinkModule } from "./src/WikiLinkModule";

const wikiLink: AtriumModule = { name: "wiki-link", factory: (api) => new WikiLinkModule(api) };
export default wikiLink;
