import SdkConfig from "matrix-react-sdk/src/SdkConfig";

import { useConfigState } from "../config/configStore";
import { Brand, brandFromConfig } from "./brand";

/** The brand in use; the calling component re-renders when the config service changes it. */
export function useBrand(): Brand {
    useConfigState();
    return brandFromConfig(SdkConfig.get());
}
