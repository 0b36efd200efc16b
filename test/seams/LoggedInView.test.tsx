// The logged-in app loads on demand (performance, #6): a spinner while its chunk comes, the SDK's own
// LoggedInView with every prop and the ref MatrixChat keeps, and a way back when the fetch fails.
import React from "react";
import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import LoggedInView from "matrix-react-sdk/src/components/structures/LoggedInView";
import OriginalLoggedInView from "$sdk-original/components/structures/LoggedInView";

import { loadEnglish } from "../helpers/sdkEnvironment";
import { initAtriumI18n } from "../../src/i18n/atriumI18n";
import { loadLoggedInView, type LoggedInViewModule } from "../../src/seams/loggedInChunk";

jest.mock("../../src/seams/loggedInChunk", () => ({
    ...jest.requireActual("../../src/seams/loggedInChunk"),
    loadLoggedInView: jest.fn(),
}));
const load = loadLoggedInView as jest.MockedFunction<typeof loadLoggedInView>;

/** Stands in for the SDK's view: records its props and offers the method MatrixChat calls on the ref. */
class FakeView extends React.Component<{ currentRoomId: string | null }> {
    public canResetTimelineInRoom(roomId: string): boolean {
        return roomId === this.props.currentRoomId;
    }
    public render(): JSX.Element {
        return <main aria-label="Rooms">open room: {this.props.currentRoomId}</main>;
    }
}
const fakeModule = { default: FakeView } as unknown as LoggedInViewModule;

type Props = React.ComponentProps<typeof LoggedInView>;
const props = { currentRoomId: "!payroll:example.org" } as unknown as Props;

/** React reports every caught render error on the console; these tests cause some on purpose. */
async function withQuietReactErrors(action: () => Promise<void>): Promise<void> {
    const spy = jest.spyOn(console, "error").mockImplementation(() => {});
    try {
        await action();
    } finally {
        spy.mockRestore();
    }
}

function deferred<T>(): { promise: Promise<T>; resolve(value: T): void; reject(error: unknown): void } {
    let resolve!: (value: T) => void;
    let reject!: (error: unknown) => void;
    const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
    return { promise, resolve, reject };
}

describe("LoggedInView seam", () => {
    beforeAll(async () => {
        await loadEnglish();
        await initAtriumI18n("en");
    });
    beforeEach(() => load.mockReset());

    it("is what the SDK's MatrixChat imports, and not the SDK's view itself", () => {
        expect(LoggedInView).not.toBe(OriginalLoggedInView);
    });

    it("shows a spinner until the chunk is there, then the view with the props and ref MatrixChat gives", async () => {
        const chunk = deferred<LoggedInViewModule>();
        load.mockReturnValue(chunk.promise);
        const ref = React.createRef<OriginalLoggedInView>();
        render(<LoggedInView {...props} ref={ref} />);
        expect(screen.getByLabelText("Loading…")).toBeInTheDocument();
        expect(screen.queryByRole("main")).toBeNull();

        await act(async () => chunk.resolve(fakeModule));
        expect(await screen.findByRole("main", { name: "Rooms" })).toHaveTextContent("open room: !payroll:example.org");
        expect(ref.current).toBeInstanceOf(FakeView);
        expect(ref.current!.canResetTimelineInRoom("!payroll:example.org")).toBe(true);
    });

    it("says so when the chunk cannot be fetched, and loads it with Try again", async () => {
        load.mockRejectedValueOnce(new Error("ChunkLoadError: Loading chunk logged-in failed."));
        load.mockResolvedValueOnce(fakeModule);
        await withQuietReactErrors(async () => {
            render(<LoggedInView {...props} />);
            expect(await screen.findByRole("alert")).toHaveTextContent(
                "This part of the app could not be loaded. Check your connection, then try again.",
            );
        });

        await userEvent.click(screen.getByRole("button", { name: "Try again" }));
        expect(await screen.findByRole("main", { name: "Rooms" })).toBeInTheDocument();
        expect(screen.queryByRole("alert")).toBeNull();
        expect(load).toHaveBeenCalledTimes(2);
    });

    it("leaves errors of the rendered app to the boundaries above it", async () => {
        function Broken(): JSX.Element {
            throw new Error("a room's timeline broke");
        }
        load.mockResolvedValue({ default: Broken } as unknown as LoggedInViewModule);
        class Outer extends React.Component<{ children: React.ReactNode }, { error?: Error }> {
            public state: { error?: Error } = {};
            public static getDerivedStateFromError(error: Error): { error: Error } {
                return { error };
            }
            public render(): React.ReactNode {
                return this.state.error ? <p>outer boundary: {this.state.error.message}</p> : this.props.children;
            }
        }
        await withQuietReactErrors(async () => {
            render(
                <Outer>
                    <LoggedInView {...props} />
                </Outer>,
            );
            expect(await screen.findByText("outer boundary: a room's timeline broke")).toBeInTheDocument();
        });
        expect(screen.queryByRole("button", { name: "Try again" })).toBeNull();
    });
});
