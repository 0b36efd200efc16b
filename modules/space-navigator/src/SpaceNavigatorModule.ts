// The space navigator's entry in the module API: it only adds the module's strings. The navigator
// itself renders through the declared RoomList and SpacePanel wrappers (src/seams), because module
// API 2.5 has no left-panel hook.
import { RuntimeModule } from "@matrix-org/react-sdk-module-api/lib/RuntimeModule";
import { ModuleApi } from "@matrix-org/react-sdk-module-api/lib/ModuleApi";
import { addModuleStrings } from "@atrium/sdk";

import { SPACE_NAVIGATOR_NAMESPACE, spaceNavigatorStrings } from "../i18n/strings";
import { MODULE_NAME } from "./view";

export class SpaceNavigatorModule extends RuntimeModule {
    public constructor(moduleApi: ModuleApi) {
        super(moduleApi);
        this.moduleName = MODULE_NAME;
        addModuleStrings(SPACE_NAVIGATOR_NAMESPACE, spaceNavigatorStrings);
    }
}
