// What Atrium adds to any config before the SDK sees it: the brand, its theme, and safe defaults
// for a company deployment. The loaded config always wins over these defaults.
import type { IConfigOptions } from "matrix-react-sdk/src/IConfigOptions";

import { brandFromConfig } from "../brand/brand";
import { brandTheme, brandThemeId } from "../brand/brandTheme";
import { signInSettings } from "../signIn/signInConfig";
import { deepMerge, PlainObject } from "../../contract/deepMerge";

const LOCATION_SHARING = "UIFeature.locationSharing";
const REGISTRATION = "UIFeature.registration";
const PASSWORD_RESET = "UIFeature.passwordReset";

const COMPANY_DEFAULTS: PlainObject = {
    disable_guests: true,
    show_labs_settings: false,
    setting_defaults: {
        // The company's theme, not the OS's, unless a person chooses otherwise.
        use_system_theme: false,
        "UIFeature.feedback": false,
    },
};

export function withAtriumDefaults(loaded: Partial<IConfigOptions>): IConfigOptions {
    const brand = brandFromConfig(loaded);
    const theme = brandTheme(brand);
    // setting_defaults is open in the config contract: a custom_themes that is not a list is ignored here
    // (the SDK ignores it too) rather than breaking the start.
    const configured: unknown = loaded.setting_defaults?.custom_themes;
    const configuredThemes = Array.isArray(configured) ? (configured as { name?: string }[]) : [];
    const customThemes = configuredThemes.some((t) => t?.name === theme.name)
        ? configuredThemes
        : [theme, ...configuredThemes];
    // Maps need a tile server from this config (see seams/findMapStyleUrl.ts): without one, the
    // location button would only lead to an error, so it is hidden unless the config says otherwise.
    const locationSharing: PlainObject = loaded.map_style_url
        ? {}
        : { setting_defaults: { [LOCATION_SHARING]: false } };
    // A company that signs in through its identity provider owns the accounts: nobody registers,
    // picks another homeserver or resets a password here, unless the config says otherwise.
    const companySignIn: PlainObject = signInSettings(loaded).identityProvider
        ? {
              disable_custom_urls: true,
              setting_defaults: { [REGISTRATION]: false, [PASSWORD_RESET]: false },
          }
        : {};
    return deepMerge(COMPANY_DEFAULTS, locationSharing, companySignIn, loaded as PlainObject, {
        brand: brand.name,
        branding: { auth_header_logo_url: loaded.branding?.auth_header_logo_url ?? brand.logoUrl },
        default_theme: loaded.default_theme ?? brandThemeId(brand),
        setting_defaults: { custom_themes: customThemes },
    }) as unknown as IConfigOptions;
}
