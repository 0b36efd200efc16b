// The bench page (built by bench/navigator/webpack.config.cjs, driven by bench/navigator.ts): the
// same company (10,000 rooms in 500 spaces; `?departments=5`: 1,000 in 50), shown by Element's
// classic RoomList or by the space navigator (`?view=classic|navigator`), with or without the policy
// badges (`?badges=on`), each timed in the page from the render call to the first frame painted with
// rows, then for collapsing and expanding one branch.
import React from "react";
import ReactDOM from "react-dom";
import { TooltipProvider } from "@vector-im/compound-web";
import { SyncState } from "matrix-js-sdk/src/sync";
import { MatrixClientPeg } from "matrix-react-sdk/src/MatrixClientPeg";
import SdkConfig from "matrix-react-sdk/src/SdkConfig";
import * as languageHandler from "matrix-react-sdk/src/languageHandler";
import SettingsStore from "matrix-react-sdk/src/settings/SettingsStore";
import { SettingLevel } from "matrix-react-sdk/src/settings/SettingLevel";
import DMRoomMap from "matrix-react-sdk/src/utils/DMRoomMap";
import dis from "matrix-react-sdk/src/dispatcher/dispatcher";
import SpaceStore from "matrix-react-sdk/src/stores/spaces/SpaceStore";
import RoomListStore from "matrix-react-sdk/src/stores/room-list/RoomListStore";
import { RoomNotificationStateStore } from "matrix-react-sdk/src/stores/notifications/RoomNotificationStateStore";
import MatrixClientContext from "matrix-react-sdk/src/contexts/MatrixClientContext";
import ResizeNotifier from "matrix-react-sdk/src/utils/ResizeNotifier";
import { MetaSpace } from "matrix-react-sdk/src/stores/spaces";
import ClassicRoomList from "$sdk-original/components/views/rooms/RoomList";

import { addModuleStrings, initAtriumI18n } from "../../src/i18n/atriumI18n";
import { SPACE_NAVIGATOR_NAMESPACE, spaceNavigatorStrings } from "../../modules/space-navigator/i18n/strings";
import { POLICY_BADGES_NAMESPACE, policyBadgesStrings } from "../../modules/policy-badges/i18n/strings";
import { SpaceNavigator } from "../../modules/space-navigator/src/components/SpaceNavigator";
import { buildSnapshot } from "../../modules/space-navigator/src/sdkSnapshot";
import { HierarchyLoader } from "../../modules/space-navigator/src/hierarchyLoader";
import { navigatorStore } from "../../modules/space-navigator/src/snapshotStore";
import { navigatorString } from "../../modules/space-navigator/src/strings";
import { contributePolicyBadges } from "../../modules/policy-badges/src/PolicyBadgesModule";
import { computeLooksAhead } from "../../modules/policy-badges/src/policyStore";
import { buildCompany, DEPARTMENTS } from "./company";

import type { BenchResult, View } from "./result";

declare global {
    interface Window {
        atriumBench?: Promise<BenchResult>;
        /** `?profile=1`: set when the page waits for atriumBenchGo() to render. */
        atriumBenchReadyToRender?: boolean;
        atriumBenchGo?: () => void;
    }
}

const params = new URLSearchParams(location.search);

/** Resolves after the next frame has been painted. */
const nextPaint = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Polls once per frame until `ready()` holds, then waits for that frame's paint; ms since `start`. */
async function timeUntil(what: string, start: number, ready: () => boolean, timeoutMs = 60_000): Promise<number> {
    while (!ready()) {
        if (performance.now() - start > timeoutMs) throw new Error(`bench: ${what} not reached in time`);
        await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    await nextPaint();
    return performance.now() - start;
}

function count(selector: string): number {
    return document.querySelectorAll(selector).length;
}

/** With `?profile=1` the page stops before the render until the driver has started its profiler. */
function profilerStarted(): Promise<void> {
    if (params.get("profile") !== "1") return Promise.resolve();
    return new Promise((resolve) => {
        window.atriumBenchGo = resolve;
        window.atriumBenchReadyToRender = true;
    });
}

async function run(view: View, badges: boolean, departments: number): Promise<BenchResult> {
    const errors: string[] = [];
    window.addEventListener("error", (e) => errors.push(String(e.message)));
    SdkConfig.put({ brand: "Atrium", default_theme: "light" } as never);
    await languageHandler.setLanguage("en").catch((e) => errors.push(`language: ${e}`));
    await initAtriumI18n("en");
    // What the two modules' entries do when the app starts; else the first render would pay for it.
    addModuleStrings(SPACE_NAVIGATOR_NAMESPACE, spaceNavigatorStrings);
    addModuleStrings(POLICY_BADGES_NAMESPACE, policyBadgesStrings);

    const setupStart = performance.now();
    const { client, rooms, spaces } = buildCompany(departments);
    (MatrixClientPeg as unknown as { matrixClient: unknown }).matrixClient = client;
    // The classic list shows every room under Home, as the navigator shows every room in its tree.
    await SettingsStore.setValue("Spaces.allRoomsInHome", null, SettingLevel.DEVICE, true);
    DMRoomMap.makeShared(client).start();
    void SpaceStore.instance;
    void RoomListStore.instance;
    void RoomNotificationStateStore.instance;
    dis.dispatch(
        { action: "MatrixActions.sync", state: SyncState.Prepared, prevState: null, matrixClient: client },
        true,
    );
    await timeUntil("stores ready", setupStart, () => SpaceStore.instance.spacePanelSpaces.length > 0);
    await new Promise((resolve) => setTimeout(resolve, 200)); // the stores' asynchronous list builds
    // The navigator's own store (modules/space-navigator/src/snapshotStore.ts), made as RoomListStore
    // made the classic list's: what the navigator's first showing after the sign-in adds, timed alone.
    const snapshotStart = performance.now();
    if (view === "navigator")
        navigatorStore(client, { people: navigatorString("people"), other: navigatorString("other_rooms") }).current();
    const snapshotMs = view === "navigator" ? performance.now() - snapshotStart : 0;
    const setupMs = performance.now() - setupStart;

    // Policy badges on every tile and node (the room-decoration slot), as the module contributes them.
    if (badges) contributePolicyBadges();
    // Their store finds every room's compact look in idle time after the first sync, as in the app
    // (modules/policy-badges/src/policyStore.ts): here at once, timed on its own.
    const aheadStart = performance.now();
    const looksFound = badges ? computeLooksAhead() : 0;
    const looksAheadMs = badges ? performance.now() - aheadStart : 0;
    if (badges && looksFound < rooms) errors.push(`policy looks found ahead for ${looksFound} of ${rooms} rooms`);
    const container = document.getElementById("panel")!;
    const app =
        view === "classic" ? (
            <ClassicRoomList
                onKeyDown={() => {}}
                onFocus={() => {}}
                onBlur={() => {}}
                onResize={() => {}}
                resizeNotifier={new ResizeNotifier()}
                isMinimized={false}
                activeSpace={MetaSpace.Home}
            />
        ) : (
            <SpaceNavigator />
        );

    await profilerStarted();
    performance.mark("bench-render-start");
    const renderStart = performance.now();
    ReactDOM.render(
        <TooltipProvider>
            <MatrixClientContext.Provider value={client}>{app}</MatrixClientContext.Provider>
        </TooltipProvider>,
        container,
    );
    const rowSelector = view === "classic" ? ".mx_RoomTile" : "[role=treeitem]";
    const firstRenderMs = await timeUntil("first render", renderStart, () => count(rowSelector) > 0);
    const renderedRows = count(rowSelector);
    performance.mark("bench-render-end");
    // Each timed part ends its task: a trace of the page (bench/navigator/trace.ts) then tells their
    // main-thread work apart by the marks.
    await nextTask();

    // One branch closed and opened again: the classic list's "Rooms" section (all 10,000 rooms),
    // the navigator's first department (9 teams and 20 rooms).
    const branch = (): HTMLElement =>
        view === "classic"
            ? Array.from(document.querySelectorAll<HTMLElement>(".mx_RoomSublist_headerText")).find((el) =>
                  /^Rooms\b/.test(el.textContent ?? ""),
              )!
            : // By the name it shows: with badges on, a row is named through aria-labelledby, not aria-label.
              Array.from(document.querySelectorAll<HTMLElement>("[role=treeitem]")).find(
                  (el) => el.querySelector(".atrium_SpaceNav_name")?.textContent === "Department 1",
              )!;
    const isOpen = (): boolean => branch().getAttribute("aria-expanded") === "true";
    const childShown = (): boolean =>
        view === "classic" ? count(".mx_RoomTile") > 0 : count('[role=treeitem][aria-level="2"]') > 0;

    performance.mark("bench-toggles-start");
    const { collapseMs, expandMs } = await timeToggles(view, branch, isOpen, childShown);
    performance.mark("bench-toggles-end");
    await nextTask();
    // The navigator's snapshot of all rooms, built once more on its own: what a change of shape costs.
    const rebuildStart = performance.now();
    if (view === "navigator")
        buildSnapshot(client, new HierarchyLoader(() => {}), { people: "People", other: "Other rooms" });
    const rebuildMs = view === "navigator" ? performance.now() - rebuildStart : 0;
    return {
        view,
        badges,
        rooms,
        spaces,
        setupMs,
        snapshotMs,
        looksAheadMs,
        rebuildMs,
        firstRenderMs,
        collapseMs,
        expandMs,
        renderedRows,
        errors,
    };
}

/**
 * Closes and opens one branch, in the order each view allows: the navigator starts with its
 * departments closed (open, then close), the classic list with its sections open (close, then open).
 */
async function timeToggles(
    view: View,
    branch: () => HTMLElement,
    isOpen: () => boolean,
    childShown: () => boolean,
): Promise<{ collapseMs: number; expandMs: number }> {
    const toggle = (what: "expanded" | "collapsed"): Promise<number> => {
        const start = performance.now();
        branch().click();
        return what === "expanded"
            ? timeUntil(what, start, () => isOpen() && childShown())
            : timeUntil(what, start, () => !isOpen() && !childShown());
    };
    if (view === "navigator") {
        const expandMs = await toggle("expanded");
        return { expandMs, collapseMs: await toggle("collapsed") };
    }
    const collapseMs = await toggle("collapsed");
    return { collapseMs, expandMs: await toggle("expanded") };
}

const view = params.get("view") === "classic" ? "classic" : "navigator";
// `?departments=N` (1-50): a smaller company of the same shape, 200 rooms and 10 spaces per department.
const departments = Math.min(DEPARTMENTS, Math.max(1, Math.round(Number(params.get("departments")) || DEPARTMENTS)));
window.atriumBench = run(view, params.get("badges") === "on", departments);
