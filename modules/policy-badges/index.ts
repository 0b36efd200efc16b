// The policy-badges module: classifications, computed badges and compliance warnings for every room.
import type { AtriumModule } from "@atrium/sdk";

import { PolicyBadgesModule } from "./src/PolicyBadgesModule";

const policyBadges: AtriumModule = { name: "policy-badges", factory: (api) => new PolicyBadgesModule(api) };
export default policyBadges;
