import { IConfigOptions } from "matrix-react-sdk/src/IConfigOptions";

export class ConfigLoadError extends Error {
    public constructor(
        message: string,
        public readonly cause?: unknown,
    ) {
        super(message);
        this.name = "ConfigLoadError";
    }
}

/** The config.json deployed beside the app. Never cached: an admin's edit must show on reload. */
export async function fetchBundledConfig(url = "config.json"): Promise<IConfigOptions> {
    let response: Response;
    try {
        response = await fetch(url, { cache: "no-cache" });
    } catch (error) {
        throw new ConfigLoadError(`Could not reach ${url}`, error);
    }
    if (response.status === 404) return {} as IConfigOptions; // an empty config still starts, with defaults
    if (!response.ok) throw new ConfigLoadError(`${url} answered HTTP ${response.status}`);
    let parsed: unknown;
    try {
        parsed = await response.json();
    } catch (error) {
        throw new ConfigLoadError(`${url} is not valid JSON`, error);
    }
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
        throw new ConfigLoadError(`${url} must hold a JSON object`);
    }
    return parsed as IConfigOptions;
}
