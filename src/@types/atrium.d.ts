// Build-time constants and asset modules that webpack provides.
declare const __ATRIUM_STOCK__: boolean;

declare module "*.pcss";
declare module "*.css";
