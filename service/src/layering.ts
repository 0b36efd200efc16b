// How a tenant's client config is made: the service defaults, then the tenant's own config on top.
// Objects merge key by key, arrays and other values are replaced by the later layer, and the keys
// `__proto__`, `constructor` and `prototype` are dropped at every depth: the same rule the web app
// uses for its own layers (contract/deepMerge.ts).
import { deepMerge, type PlainObject } from "../../contract/deepMerge.ts";

export type ClientConfig = PlainObject;

export function layerConfig(defaults: ClientConfig, tenant: ClientConfig): ClientConfig {
    return deepMerge({}, defaults, tenant);
}
