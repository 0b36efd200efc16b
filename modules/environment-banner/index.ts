// The environment banner: a module that uses only the module API (see README.md).
export { EnvironmentBannerModule, REPORT_BUTTON_ID } from "./src/EnvironmentBannerModule";
export { MODULE_NAME } from "./src/settings";
