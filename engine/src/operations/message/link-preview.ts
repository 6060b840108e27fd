import type { EngineServices } from '../../services.js';
import type { LinkPreview } from '../../sessions/outgoing.js';
import { fetchMediaUrl } from '../media/fetch-url.js';

const PAGE_LIMIT = 512 * 1024;

const decode = (text: string) =>
	text
		.replace(/&amp;/g, '&')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;|&apos;/g, "'")
		.replace(/\s+/g, ' ')
		.trim();

function meta(html: string, name: string): string | undefined {
	for (const tag of html.match(/<meta\b[^>]*>/gi) ?? []) {
		const key = tag.match(/\b(?:property|name)\s*=\s*["']([^"']+)["']/i)?.[1];
		if (key?.toLowerCase() !== name) continue;
		const content = tag.match(/\bcontent\s*=\s*["']([^"']*)["']/i)?.[1];
		if (content) return decode(content);
	}
	return undefined;
}

/** The first http(s) URL in a text. */
export const firstUrl = (text: string): string | undefined => text.match(/https?:\/\/[^\s<>"']+/i)?.[0];

/**
 * Builds a link preview for the first URL of `text` by fetching the page under the same rules as media URLs
 * (public addresses only, bounded size and time). A page that cannot be read gives a preview of the URL alone.
 */
export async function buildLinkPreview(text: string, services: EngineServices): Promise<LinkPreview | undefined> {
	const url = firstUrl(text);
	if (!url) return undefined;
	try {
		const page = await fetchMediaUrl(url, {
			maxBytes: Math.min(PAGE_LIMIT, services.config.mediaMaxBytes),
			allowPrivate: services.config.allowPrivateMediaUrls,
			timeoutMs: 5_000,
		});
		const html = page.data.toString('utf8');
		const title = meta(html, 'og:title') ?? (html.match(/<title[^>]*>([^<]*)<\/title>/i)?.[1] ? decode(html.match(/<title[^>]*>([^<]*)<\/title>/i)![1]) : undefined);
		const description = meta(html, 'og:description') ?? meta(html, 'description');
		return { url, matchedText: url, ...(title && { title: title.slice(0, 256) }), ...(description && { description: description.slice(0, 1024) }) };
	} catch (error) {
		services.logger.debug({ err: error }, 'link preview failed; sending the link without page details');
		return { url, matchedText: url };
	}
}
