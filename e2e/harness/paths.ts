import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root, found from this file so callers may run from any cwd. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Local, gitignored state of the harness: the Python venv, the demo data, run info. */
export const e2eStateDir = path.join(repoRoot, ".e2e");

/** Where `npm run build` puts the web app. */
export const defaultWebappDir = path.join(repoRoot, "webapp");
