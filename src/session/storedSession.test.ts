import { hasStoredSession } from "./storedSession";

describe("hasStoredSession", () => {
    afterEach(() => localStorage.clear());

    it("is false with nothing stored, so the sign-in page loads only the light theme", () => {
        expect(hasStoredSession()).toBe(false);
    });

    it("is true when the SDK has a session to restore", () => {
        localStorage.setItem("mx_has_access_token", "true");
        expect(hasStoredSession()).toBe(true);
    });

    it("is false when storage refuses to answer", () => {
        const refusing = {
            getItem: () => {
                throw new Error("denied");
            },
        } as unknown as Storage;
        expect(hasStoredSession(refusing)).toBe(false);
    });

    it("is false when the page may not reach storage at all (blocked in a frame)", () => {
        const blocked = jest.spyOn(window, "localStorage", "get").mockImplementation(() => {
            throw new DOMException("The operation is insecure.", "SecurityError");
        });
        try {
            expect(hasStoredSession()).toBe(false);
        } finally {
            blocked.mockRestore();
        }
    });
});
