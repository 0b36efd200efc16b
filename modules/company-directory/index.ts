// What the app (the left-panel slot) uses of the company directory. The panel is loaded on demand
// (its own chunk): nothing of it is needed before someone opens the directory.
import "./company-directory.pcss";

export type { CompanyDirectoryPanelProps } from "./src/components/CompanyDirectoryPanel";
export type { DirectoryApi, PeopleApi } from "./src/types";
export const loadCompanyDirectoryPanel = (): Promise<typeof import("./src/components/CompanyDirectoryPanel")> =>
    import(/* webpackChunkName: "company-directory" */ "./src/components/CompanyDirectoryPanel");
export { appDirectory, MODULE_NAME as COMPANY_DIRECTORY_MODULE, sdkPeople } from "./src/connect";
export { unconfiguredDirectory } from "./src/offlineDirectory";
export { directoryString } from "./src/strings";
