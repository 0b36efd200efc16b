/** @jest-environment node */
// The OpenID check against a stand-in homeserver (a mocked fetch): what each answer means, and how long
// an answer is cached. directory.test.ts checks the same verifier against a real Synapse.
import { MAX_TOKEN_LIFETIME_MS, OpenIdVerifier } from "./openid.ts";

const HOMESERVER = "https://matrix.acme.test";
const SERVERS = ["acme.test"];
const START = 1_700_000_000_000;

type Answer = { status: number; body: unknown } | Error;

let answer: Answer;
let fetchMock: jest.SpyInstance;

function answerWith(status: number, body: unknown = {}): void {
    answer = { status, body };
}

beforeEach(() => {
    answerWith(200, { sub: "@erin:acme.test" });
    fetchMock = jest.spyOn(globalThis, "fetch").mockImplementation(async () => {
        if (answer instanceof Error) throw answer;
        const text = typeof answer.body === "string" ? answer.body : JSON.stringify(answer.body);
        return new Response(text, { status: answer.status });
    });
});

afterEach(() => jest.restoreAllMocks());

/** A verifier on a clock the test moves. */
function verifierAt(start = START): { verifier: OpenIdVerifier; setNow(ms: number): void } {
    let now = start;
    return { verifier: new OpenIdVerifier(() => now), setNow: (ms) => (now = ms) };
}

describe("what the homeserver's answer means", () => {
    it("asks the homeserver's userinfo endpoint with the token, encoded, and a time limit", async () => {
        const timeout = jest.spyOn(AbortSignal, "timeout");
        const { verifier } = verifierAt();
        expect(await verifier.verify("a+b/c=", HOMESERVER, SERVERS)).toEqual({ ok: true, userId: "@erin:acme.test" });
        expect(fetchMock).toHaveBeenCalledTimes(1);
        const [url, init] = fetchMock.mock.calls[0];
        expect(url).toBe(`${HOMESERVER}/_matrix/federation/v1/openid/userinfo?access_token=a%2Bb%2Fc%3D`);
        expect(timeout).toHaveBeenCalledWith(5_000);
        expect(init.signal).toBe(timeout.mock.results[0].value);
        expect(verifier.checks).toBe(1);
    });

    it.each([
        ["a 401", 401, { errcode: "M_UNKNOWN_TOKEN" }],
        ["a 403", 403, { errcode: "M_FORBIDDEN" }],
        ["a 200 without a user", 200, {}],
        ["a 200 whose user is no text", 200, { sub: 42 }],
        ["a 200 whose user has no @", 200, { sub: "erin:acme.test" }],
        ["a 200 whose user has no server", 200, { sub: "@erin" }],
        ["a 200 that is not JSON", 200, "<html>"],
    ])("takes %s as an unknown token", async (_name, status, body) => {
        answerWith(status, body);
        expect(await verifierAt().verifier.verify("t", HOMESERVER, SERVERS)).toEqual({
            ok: false,
            status: 401,
            error: "openid_token_invalid",
            message: "The homeserver does not know this OpenID token (forged or expired)",
        });
    });

    it("takes another error status as the homeserver's failure, even with a user in the body", async () => {
        answerWith(502, { sub: "@erin:acme.test" });
        expect(await verifierAt().verifier.verify("t", HOMESERVER, SERVERS)).toEqual({
            ok: false,
            status: 503,
            error: "homeserver_unreachable",
            message: "The homeserver answered HTTP 502 to the token check",
        });
    });

    it("says why when the homeserver cannot be reached", async () => {
        answer = new Error("connect ECONNREFUSED");
        expect(await verifierAt().verifier.verify("t", HOMESERVER, SERVERS)).toEqual({
            ok: false,
            status: 503,
            error: "homeserver_unreachable",
            message: "The homeserver could not check the token: connect ECONNREFUSED",
        });
    });

    it("refuses users of servers that are not allowed, naming the server", async () => {
        answerWith(200, { sub: "@mallory:evil.test" });
        expect(await verifierAt().verifier.verify("t", HOMESERVER, ["acme.test", "evil.test.example"])).toEqual({
            ok: false,
            status: 403,
            error: "forbidden",
            message: "Users of evil.test may not use this directory",
        });
    });

    it("reads the server after the first colon only", async () => {
        answerWith(200, { sub: "@erin:acme.test:8448" });
        expect(await verifierAt().verifier.verify("t", HOMESERVER, ["acme.test:8448"])).toEqual({
            ok: true,
            userId: "@erin:acme.test:8448",
        });
    });
});

describe("the cache", () => {
    it("keeps a confirmed token for its lifetime at most, an hour without a hint", async () => {
        const { verifier, setNow } = verifierAt();
        await verifier.verify("t", HOMESERVER, SERVERS);
        setNow(START + MAX_TOKEN_LIFETIME_MS - 1);
        await verifier.verify("t", HOMESERVER, SERVERS);
        expect(verifier.checks).toBe(1);
        setNow(START + MAX_TOKEN_LIFETIME_MS);
        await verifier.verify("t", HOMESERVER, SERVERS);
        expect(verifier.checks).toBe(2);
        expect(MAX_TOKEN_LIFETIME_MS).toBe(3_600_000);
    });

    it("keeps it until the expiry the client was given, when that comes first, and no longer", async () => {
        const { verifier, setNow } = verifierAt();
        const expiresAt = START + 60_000;
        await verifier.verify("t", HOMESERVER, SERVERS, expiresAt);
        setNow(expiresAt - 1);
        await verifier.verify("t", HOMESERVER, SERVERS, expiresAt);
        expect(verifier.checks).toBe(1);
        setNow(expiresAt);
        await verifier.verify("t", HOMESERVER, SERVERS, expiresAt);
        expect(verifier.checks).toBe(2);
    });

    it("ignores a hint that is no time, and a hint later than an hour", async () => {
        const { verifier, setNow } = verifierAt();
        await verifier.verify("nan", HOMESERVER, SERVERS, Number.NaN);
        await verifier.verify("nan", HOMESERVER, SERVERS, Number.NaN);
        expect(verifier.checks).toBe(1);
        await verifier.verify("late", HOMESERVER, SERVERS, START + 2 * MAX_TOKEN_LIFETIME_MS);
        setNow(START + MAX_TOKEN_LIFETIME_MS);
        await verifier.verify("late", HOMESERVER, SERVERS, START + 2 * MAX_TOKEN_LIFETIME_MS);
        expect(verifier.checks).toBe(3);
    });

    it("does not keep a token whose given expiry has passed", async () => {
        const { verifier } = verifierAt();
        await verifier.verify("t", HOMESERVER, SERVERS, START - 1);
        await verifier.verify("t", HOMESERVER, SERVERS, START - 1);
        expect(verifier.checks).toBe(2);
    });

    it("keeps a refusal for 30 seconds, whatever expiry the client claims", async () => {
        answerWith(401);
        const { verifier, setNow } = verifierAt();
        await verifier.verify("t", HOMESERVER, SERVERS, START + 1_000);
        setNow(START + 29_999);
        expect(await verifier.verify("t", HOMESERVER, SERVERS, START + 1_000)).toMatchObject({ status: 401 });
        expect(verifier.checks).toBe(1);
        setNow(START + 30_000);
        await verifier.verify("t", HOMESERVER, SERVERS);
        expect(verifier.checks).toBe(2);
    });

    it("does not keep the homeserver's failures: the next request asks again", async () => {
        const { verifier } = verifierAt();
        answerWith(500);
        expect(await verifier.verify("t", HOMESERVER, SERVERS)).toMatchObject({ status: 503 });
        answer = new Error("timeout");
        expect(await verifier.verify("t", HOMESERVER, SERVERS)).toMatchObject({ status: 503 });
        answerWith(200, { sub: "@erin:acme.test" });
        expect(await verifier.verify("t", HOMESERVER, SERVERS)).toEqual({ ok: true, userId: "@erin:acme.test" });
        expect(verifier.checks).toBe(3);
    });

    it("checks the allowed servers on a cached answer too", async () => {
        const { verifier } = verifierAt();
        await verifier.verify("t", HOMESERVER, SERVERS);
        expect(await verifier.verify("t", HOMESERVER, ["other.test"])).toMatchObject({ ok: false, status: 403 });
        expect(verifier.checks).toBe(1);
    });

    it("keeps tokens of different homeservers apart, even when their texts join alike", async () => {
        const { verifier } = verifierAt();
        await verifier.verify("abc", "https://hs.example", SERVERS);
        await verifier.verify("eabc", "https://hs.exampl", SERVERS);
        await verifier.verify("abd", "https://hs.example", SERVERS);
        expect(verifier.checks).toBe(3);
    });

    it("holds at most 10,000 answers, dropping the oldest first", async () => {
        const { verifier } = verifierAt();
        for (let i = 0; i < 10_000; i++) await verifier.verify(`token-${i}`, HOMESERVER, SERVERS);
        await verifier.verify("token-0", HOMESERVER, SERVERS);
        expect(verifier.checks).toBe(10_000);
        await verifier.verify("one-more", HOMESERVER, SERVERS);
        await verifier.verify("token-1", HOMESERVER, SERVERS); // still kept
        expect(verifier.checks).toBe(10_001);
        await verifier.verify("token-0", HOMESERVER, SERVERS); // the oldest, dropped
        expect(verifier.checks).toBe(10_002);
    });
});
