// Replaces the SDK's customisations/Media (see sdk-replacements.json) — the file the SDK asks forks to
// replace. Same contract; the URLs are authenticated media (Matrix 1.11) when the homeserver has it,
// and downloads carry the access token. Images and avatars (<img src>, which cannot send a header)
// get the token from Atrium's service worker (src/serviceWorker).
import { MatrixClient, parseErrorResponse, ResizeMethod } from "matrix-js-sdk/src/matrix";
import type { MediaEventContent } from "matrix-js-sdk/src/types";
import { MatrixClientPeg } from "matrix-react-sdk/src/MatrixClientPeg";
import { IPreparedMedia, prepEventContentAsMedia } from "matrix-react-sdk/src/customisations/models/IMediaEventContent";
import { UserFriendlyError } from "matrix-react-sdk/src/languageHandler";

import { fetchMedia, usesAuthenticatedMedia } from "@atrium/media/authenticatedMedia";

export class Media {
    private client: MatrixClient;

    public constructor(
        private prepared: IPreparedMedia,
        client?: MatrixClient,
    ) {
        this.client = client ?? MatrixClientPeg.safeGet();
        if (!this.client)
            throw new Error("No possible MatrixClient for media resolution. Please provide one or log in.");
    }

    public get isEncrypted(): boolean {
        return !!this.prepared.file;
    }

    public get srcMxc(): string {
        return this.prepared.mxc;
    }

    public get thumbnailMxc(): string | null | undefined {
        return this.prepared.thumbnail?.mxc;
    }

    public get hasThumbnail(): boolean {
        return !!this.thumbnailMxc;
    }

    public get srcHttp(): string | null {
        return this.toHttp(this.srcMxc) || null;
    }

    public get thumbnailHttp(): string | null {
        if (!this.hasThumbnail) return null;
        return this.toHttp(this.thumbnailMxc!);
    }

    public getThumbnailHttp(width: number, height: number, mode: ResizeMethod = "scale"): string | null {
        if (!this.hasThumbnail) return null;
        return this.toHttp(this.thumbnailMxc!, ...scaled(width, height), mode);
    }

    public getThumbnailOfSourceHttp(width: number, height: number, mode: ResizeMethod = "scale"): string | null {
        return this.toHttp(this.srcMxc, ...scaled(width, height), mode);
    }

    public getSquareThumbnailHttp(dim: number): string | null {
        if (this.hasThumbnail) return this.getThumbnailHttp(dim, dim, "crop");
        return this.getThumbnailOfSourceHttp(dim, dim, "crop");
    }

    public async downloadSource(): Promise<Response> {
        const src = this.srcHttp;
        if (!src) throw new UserFriendlyError("error|download_media");
        const res = await fetchMedia(this.client, src);
        if (!res.ok) throw parseErrorResponse(res, await res.text());
        return res;
    }

    private toHttp(mxc: string, width?: number, height?: number, mode?: ResizeMethod): string {
        const authenticated = usesAuthenticatedMedia(this.client);
        // Never a direct (non-mxc) link; redirects allowed, as the SDK's own did (js-sdk always allows
        // them for authenticated media). A fetch that carries the token refuses them (fetchMedia, sw.js).
        // eslint-disable-next-line no-restricted-properties -- this is the one place that turns mxc into http
        return this.client.mxcUrlToHttp(mxc, width, height, mode, false, true, authenticated) ?? "";
    }
}

/** Thumbnails at the screen's pixel density, so images stay sharp. */
function scaled(width: number, height: number): [number, number] {
    return [Math.floor(width * window.devicePixelRatio), Math.floor(height * window.devicePixelRatio)];
}

export function mediaFromContent(content: Partial<MediaEventContent>, client?: MatrixClient): Media {
    return new Media(prepEventContentAsMedia(content), client);
}

export function mediaFromMxc(mxc?: string, client?: MatrixClient): Media {
    return mediaFromContent({ url: mxc }, client);
}
