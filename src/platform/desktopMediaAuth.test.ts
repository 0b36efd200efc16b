import type { MatrixClient } from "matrix-js-sdk/src/matrix";

import { fakeElectron } from "../../test/helpers/fakeElectron";
import { ElectronBridge } from "./ElectronBridge";
import { answerDesktopMediaRequests } from "./desktopMediaAuth";

function fakeClient(getVersions: () => Promise<unknown>): MatrixClient {
    return {
        getHomeserverUrl: () => "https://matrix.acme.example",
        getAccessToken: () => "syt_token",
        getVersions,
    } as unknown as MatrixClient;
}

describe("answering Element Desktop's media-auth requests", () => {
    const replies = (electron: ReturnType<typeof fakeElectron>, channel: string): unknown[][] =>
        electron.sent.filter(([c]) => c === channel).map(([, ...args]) => args);

    it("answers each question on its own channel from the signed-in client", async () => {
        const electron = fakeElectron();
        const versions = { versions: ["v1.11"], unstable_features: {} };
        answerDesktopMediaRequests(new ElectronBridge(electron), () => fakeClient(async () => versions));

        electron.emit("homeserverUrl");
        electron.emit("userAccessToken");
        electron.emit("serverSupportedVersions");
        await new Promise((resolve) => setTimeout(resolve, 0));

        expect(replies(electron, "homeserverUrl")).toEqual([["https://matrix.acme.example"]]);
        expect(replies(electron, "userAccessToken")).toEqual([["syt_token"]]);
        expect(replies(electron, "serverSupportedVersions")).toEqual([[versions]]);
    });

    it("still answers when signed out, so the desktop does not hold the request forever", async () => {
        const electron = fakeElectron();
        answerDesktopMediaRequests(new ElectronBridge(electron), () => null);
        electron.emit("homeserverUrl");
        electron.emit("userAccessToken");
        electron.emit("serverSupportedVersions");
        await new Promise((resolve) => setTimeout(resolve, 0));
        expect(replies(electron, "homeserverUrl")).toEqual([[undefined]]);
        expect(replies(electron, "userAccessToken")).toEqual([[undefined]]);
        expect(replies(electron, "serverSupportedVersions")).toEqual([[{ versions: [], unstable_features: {} }]]);
    });

    it("answers no versions when the homeserver cannot be asked", async () => {
        const electron = fakeElectron();
        jest.spyOn(console, "warn").mockImplementation(() => {});
        answerDesktopMediaRequests(new ElectronBridge(electron), () =>
            fakeClient(() => Promise.reject(new Error("offline"))),
        );
        electron.emit("serverSupportedVersions");
        await new Promise((resolve) => setTimeout(resolve, 0));
        expect(replies(electron, "serverSupportedVersions")).toEqual([[{ versions: [], unstable_features: {} }]]);
    });
});
