// The SDK's worker factories use `new URL(..., import.meta.url)`, which only webpack understands.
// jsdom has no workers either: a factory here yields a worker that never answers.
module.exports = {
    __esModule: true,
    default: function workerFactory() {
        return {
            postMessage() {},
            terminate() {},
            addEventListener() {},
            removeEventListener() {},
            onmessage: null,
        };
    },
};
