import SdkConfig from "matrix-react-sdk/src/SdkConfig";

import { Brand, brandFromConfig } from "../brand/brand";
import { useConfigState } from "./configStore";

/** The brand in use; the calling component re-renders when the config service changes it. */
export function useBrand(): Brand {
    useConfigState();
    return brandFromConfig(SdkConfig.get());
}
