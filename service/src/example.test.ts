/** @jest-environment node */
// The shipped example tenants must stay valid and give the same client config as the repo's config.json.
import { readFile } from "node:fs/promises";
import path from "node:path";

import { quietService } from "./testSupport.ts";

const serviceDir = path.resolve(__dirname, "..");

it("serves the example tenant on 127.0.0.1 and localhost with the repo's config.json", async () => {
    const app = await quietService({ tenantsDir: path.join(serviceDir, "tenants.example"), watch: false });
    try {
        const repoConfig = JSON.parse(await readFile(path.join(serviceDir, "..", "config.json"), "utf8"));
        for (const host of ["127.0.0.1:8090", "localhost:8090"]) {
            const res = await app.inject({ method: "GET", url: "/v1/config", headers: { host } });
            expect(res.statusCode).toBe(200);
            expect(res.json()).toEqual(repoConfig);
        }
        expect((await app.inject({ method: "GET", url: "/v1/status" })).json().status).toBe("ok");
    } finally {
        await app.close();
    }
});
