// The company directory module: find anyone in the company from a sidebar (a left-panel view opened
// by a space-bar button or Ctrl+Shift+Y), backed by the config service's directory.
import type { AtriumModule } from "@atrium/sdk";

import { CompanyDirectoryModule } from "./src/CompanyDirectoryModule";

const companyDirectory: AtriumModule = { name: "company-directory", factory: (api) => new CompanyDirectoryModule(api) };
export default companyDirectory;
