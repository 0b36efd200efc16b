// Generates .generated/config-validator.js, the client's validator for the config contract
// (contract/: the base schema and each module's settings), with Ajv's standalone code generation.
// Run before every webpack build; jest runs it itself (build/jest-global-setup.js).
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const { writeConfigValidator } = require("../build/config-validator.js");

try {
    const { outputPath, changed, bytes, warnings } = writeConfigValidator();
    for (const warning of warnings) console.warn(`config validator: ${warning}`);
    const where = path.relative(process.cwd(), outputPath);
    console.log(`config validator: ${where} ${changed ? "written" : "up to date"} (${bytes} bytes)`);
} catch (error) {
    console.error(`config validator: ${error.message}`);
    process.exit(1);
}
