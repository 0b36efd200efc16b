// The room-link module: a "Copy room link" button in every room header (module API only).
import type { AtriumModule } from "@atrium/sdk";

import { RoomLinkModule } from "./src/RoomLinkModule";

const roomLink: AtriumModule = { name: "room-link", factory: (api) => new RoomLinkModule(api) };
export default roomLink;
