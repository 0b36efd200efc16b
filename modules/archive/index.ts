// The archive module: policy archive (read-only by power levels), personal archive, the archive
// view with export, and lifecycle hints.
import type { AtriumModule } from "@atrium/sdk";

import { ArchiveModule } from "./src/ArchiveModule";

const archive: AtriumModule = { name: "archive", factory: (api) => new ArchiveModule(api) };
export default archive;
