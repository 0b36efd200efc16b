import { powerLevelsOf, stateEventLevel, userPowerLevel } from "./rooms";

describe("power levels for modules", () => {
    it("fills what the event leaves out with the spec's defaults", () => {
        expect(powerLevelsOf(undefined)).toEqual({
            users: {},
            usersDefault: 0,
            events: {},
            eventsDefault: 0,
            stateDefault: 50,
            invite: 0,
            redact: 50,
            kick: 50,
            ban: 50,
        });
    });

    it("ignores values that are not finite numbers, keeping the defaults", () => {
        const levels = powerLevelsOf({
            users: { "@a:x": 100, "@b:x": "100", "@c:x": Infinity },
            events: ["m.room.name"],
            state_default: "0",
            events_default: 10,
        });
        expect(levels.users).toEqual({ "@a:x": 100 });
        expect(levels.events).toEqual({});
        expect(levels.stateDefault).toBe(50);
        expect(levels.eventsDefault).toBe(10);
    });

    it("gives a user their own level or the default, and an event type its own level or the state default", () => {
        const levels = powerLevelsOf({
            users: { "@admin:x": 100 },
            users_default: 5,
            events: { "org.example": 75 },
            state_default: 40,
        });
        expect(userPowerLevel(levels, "@admin:x")).toBe(100);
        expect(userPowerLevel(levels, "@else:x")).toBe(5);
        expect(stateEventLevel(levels, "org.example")).toBe(75);
        expect(stateEventLevel(levels, "m.room.topic")).toBe(40);
        // Keys inherited from Object.prototype are never levels.
        expect(userPowerLevel(levels, "constructor")).toBe(5);
    });
});
