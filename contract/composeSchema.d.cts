export declare class SchemaCompositionError extends Error {}
export declare const BASE_SCHEMA_PATH: string;
export declare function moduleFolders(modulesDir: string): string[];
export declare function composeConfigSchema(options?: { baseSchemaPath?: string; modulesDir?: string }): {
    $id: string;
    [key: string]: unknown;
};
