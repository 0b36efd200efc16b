// Every Atrium module, in the order they register at start (src/bootstrap/registerModules.ts, the
// one place the app imports modules/). A module is a folder: see README.md, "Write a module".
import type { AtriumModule } from "@atrium/sdk";

import archive from "./archive";
import companyDirectory from "./company-directory";
import environmentBanner from "./environment-banner";
import policyBadges from "./policy-badges";
import roomLink from "./room-link";
import spaceNavigator from "./space-navigator";
import wikiLink from "./wiki-link";

export type { AtriumModule as AtriumModuleEntry };

export const ATRIUM_MODULES: readonly AtriumModule[] = [
    roomLink,
    spaceNavigator,
    environmentBanner,
    archive,
    companyDirectory,
    policyBadges,
    wikiLink,
];
