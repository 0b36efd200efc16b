// A brand change from the config service reaches the brand components that are already on screen.
import React from "react";
import { act, render, screen, waitFor } from "@testing-library/react";
import SdkConfig from "matrix-react-sdk/src/SdkConfig";
import Welcome from "matrix-react-sdk/src/components/views/auth/Welcome";
import AuthHeaderLogo from "matrix-react-sdk/src/components/views/auth/AuthHeaderLogo";

import { configAnswer, fakeService, memoryStorage } from "../helpers/configService";
import { loadEnglish } from "../helpers/sdkEnvironment";
import { LiveConfig } from "../../src/config/liveConfig";
import { configStore } from "../../src/config/configStore";
import { atriumLiveEffects } from "../../src/bootstrap/liveConfigEffects";
import * as themeStep from "../../src/bootstrap/loadTheme";

describe("live brand", () => {
    beforeAll(loadEnglish);
    afterEach(() => {
        configStore.reset();
        jest.restoreAllMocks();
    });

    it("renames and re-logos the sign-in pages without a reload", async () => {
        jest.spyOn(themeStep, "loadTheme").mockResolvedValue();
        const base = { brand: "Atrium", atrium: { config_service: { url: "/v1/config" } } };
        const service = fakeService(
            configAnswer({ brand: "Acme", atrium: { brand: { logo_url: "acme.svg" } } }, '"v1"'),
        );
        const live = await LiveConfig.open(base, {
            effects: atriumLiveEffects,
            fetch: service.fetch,
            storage: memoryStorage(),
        });
        SdkConfig.put(live.config);

        render(
            <>
                <AuthHeaderLogo />
                <Welcome />
            </>,
        );
        expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Acme");
        expect(screen.getByRole("img", { name: "Acme" })).toHaveAttribute("src", "acme.svg");

        service.answer(configAnswer({ brand: "Acme Corp", atrium: { brand: { logo_url: "acme-corp.svg" } } }, '"v2"'));
        await act(() => live.revalidate());
        await waitFor(() => expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Acme Corp"));
        expect(screen.getByRole("img", { name: "Acme Corp" })).toHaveAttribute("src", "acme-corp.svg");
        expect(SdkConfig.get("brand")).toBe("Acme Corp");
        await screen.findByText("English");
    });
});
