// Room and space avatars for modules: an HTTP(S) thumbnail URL the browser can load, through the
// SDK's media layer (so authenticated media and the config's media settings apply).
import { MatrixClientPeg } from "matrix-react-sdk/src/MatrixClientPeg";
import { mediaFromMxc } from "matrix-react-sdk/src/customisations/Media";

/** A square thumbnail of the room's avatar, `size` CSS pixels, or null when it has none or the room is unknown. */
export function roomAvatarUrl(roomId: string, size: number): string | null {
    const mxc = MatrixClientPeg.get()?.getRoom(roomId)?.getMxcAvatarUrl();
    if (!mxc) return null;
    const pixels = Math.round(size * (globalThis.devicePixelRatio || 1));
    return mediaFromMxc(mxc).getThumbnailOfSourceHttp(pixels, pixels, "crop");
}
