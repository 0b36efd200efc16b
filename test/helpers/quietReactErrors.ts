// A render that is expected to throw would otherwise fill the output with React's error report.
export function withQuietReactErrors<T>(action: () => T): T {
    const spy = jest.spyOn(console, "error").mockImplementation(() => {});
    try {
        return action();
    } finally {
        spy.mockRestore();
    }
}
