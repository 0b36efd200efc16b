// Every Atrium module, registered at start through the SDK's module API (src/bootstrap/registerModules.tsx).
import type { ModuleFactory } from "matrix-react-sdk/src/modules/ModuleFactory";

import { EnvironmentBannerModule } from "./environment-banner";
import { RoomLinkModule } from "./room-link/src/RoomLinkModule";
import { SpaceNavigatorModule } from "./space-navigator/src/SpaceNavigatorModule";

export interface AtriumModuleEntry {
    name: string;
    factory: ModuleFactory;
}

export const ATRIUM_MODULES: AtriumModuleEntry[] = [
    { name: "room-link", factory: (api) => new RoomLinkModule(api) },
    { name: "space-navigator", factory: (api) => new SpaceNavigatorModule(api) },
    { name: "environment-banner", factory: (api) => new EnvironmentBannerModule(api) },
];
