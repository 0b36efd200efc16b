// The space navigator module: one tree of spaces, sub-spaces and rooms in the left panel.
import type { AtriumModule } from "@atrium/sdk";

import { SpaceNavigatorModule } from "./src/SpaceNavigatorModule";

const spaceNavigator: AtriumModule = { name: "space-navigator", factory: (api) => new SpaceNavigatorModule(api) };
export default spaceNavigator;
