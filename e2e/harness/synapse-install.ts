import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";

import { e2eStateDir, repoRoot } from "./paths.ts";
import { runCaptured, runVisible } from "./process.ts";

/** The one Synapse release the suite is tested against; e2e/synapse/requirements.txt must agree. */
export const SYNAPSE_VERSION = "1.163.2";

const venvDir = path.join(e2eStateDir, "venv");
/** The venv's interpreter, which runs Synapse. */
export const venvPython = path.join(venvDir, "bin", "python");
const requirementsFile = path.join(repoRoot, "e2e", "synapse", "requirements.txt");
const constraintsFile = path.join(repoRoot, "e2e", "synapse", "constraints.txt");
// Records what was installed, so later runs skip pip entirely.
const markerFile = path.join(venvDir, "atrium-synapse-installed.txt");

function log(message: string): void {
    console.log(`[synapse] ${message}`);
}

async function readIfExists(file: string): Promise<string | undefined> {
    return existsSync(file) ? readFile(file, "utf8") : undefined;
}

/** The marker's expected content: the version plus a digest of the pin files. */
async function wantedMarker(): Promise<string> {
    const requirements = await readFile(requirementsFile, "utf8");
    // Extras (e.g. `matrix-synapse[oidc]`) may stand between the name and the pin.
    const pin = new RegExp(`^matrix-synapse(\\[[a-z0-9,-]+\\])?==${SYNAPSE_VERSION.replace(/\./g, "\\.")}$`);
    if (!requirements.split("\n").some((line) => pin.test(line.trim()))) {
        throw new Error(`${requirementsFile} does not pin matrix-synapse==${SYNAPSE_VERSION}; update both together`);
    }
    const constraints = (await readIfExists(constraintsFile)) ?? "";
    const digest = createHash("sha256").update(requirements).update("\0").update(constraints).digest("hex");
    return `matrix-synapse ${SYNAPSE_VERSION}\n${digest}\n`;
}

async function checkBasePython(python: string): Promise<void> {
    let version: string;
    try {
        version = await runCaptured(python, ["-c", "import sys; print('%d.%d' % sys.version_info[:2])"]);
    } catch (e) {
        throw new Error(`Cannot run ${python} (set E2E_PYTHON to a Python >= 3.10): ${(e as Error).message}`);
    }
    const [major, minor] = version.split(".").map(Number);
    if (major !== 3 || minor < 10) throw new Error(`Synapse needs Python >= 3.10, ${python} is ${version}`);
}

/**
 * Makes sure `.e2e/venv` holds the pinned Synapse, installing it on first use.
 * Fast when the marker already matches the pins. Returns the venv's Python.
 */
export async function ensureSynapseInstalled(): Promise<string> {
    const wanted = await wantedMarker();
    if (existsSync(venvPython) && (await readIfExists(markerFile)) === wanted) return venvPython;

    const basePython = process.env.E2E_PYTHON ?? "python3";
    await checkBasePython(basePython);
    const started = Date.now();
    log(
        `installing matrix-synapse ${SYNAPSE_VERSION} into ${path.relative(repoRoot, venvDir)} (first run takes a minute or two)`,
    );
    // --clear: a stale or half-made venv is rebuilt rather than patched.
    await runVisible(basePython, ["-m", "venv", "--clear", venvDir]);
    const pipArgs = ["-m", "pip", "install", "--disable-pip-version-check", "--progress-bar", "off"];
    // Wheels only: no Rust or C toolchain is needed, and a missing wheel fails loudly.
    pipArgs.push("--only-binary", ":all:", "-r", requirementsFile);
    if (existsSync(constraintsFile)) pipArgs.push("-c", constraintsFile);
    await runVisible(venvPython, pipArgs);

    // Synapse appends the git branch of the enclosing work tree, e.g. "1.163.2 (b=main,6cf690b)".
    const installed = (await runCaptured(venvPython, ["-c", "import synapse; print(synapse.__version__)"])).split(
        " ",
    )[0];
    if (installed !== SYNAPSE_VERSION) throw new Error(`expected Synapse ${SYNAPSE_VERSION}, venv has ${installed}`);
    await writeFile(markerFile, wanted);
    log(`matrix-synapse ${installed} ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return venvPython;
}
