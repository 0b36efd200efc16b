// The environment banner: a module that uses only the module API (see README.md).
import type { AtriumModule } from "@atrium/sdk";

import { EnvironmentBannerModule } from "./src/EnvironmentBannerModule";
import { MODULE_NAME } from "./src/settings";

const environmentBanner: AtriumModule = { name: MODULE_NAME, factory: (api) => new EnvironmentBannerModule(api) };
export default environmentBanner;
