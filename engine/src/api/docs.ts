/** A readable, dependency-free page of the API (no CDN is needed, so it works on an offline machine). */
export function renderDocs(openApi: Record<string, unknown>): string {
	const info = openApi.info as { title: string; version: string; description: string };
	const paths = openApi.paths as Record<string, Record<string, Record<string, unknown>>>;
	const byTag = new Map<string, string[]>();
	for (const [path, methods] of Object.entries(paths)) {
		for (const [method, op] of Object.entries(methods)) {
			const tag = ((op.tags as string[] | undefined) ?? ['other'])[0];
			const body = op.requestBody as { content: Record<string, { schema: unknown }> } | undefined;
			const params = (op.parameters as Array<{ name: string; in: string; required: boolean; description?: string }> | undefined) ?? [];
			const html = `<section>
<h3><span class="m ${method}">${method.toUpperCase()}</span> <code>${escape(path)}</code></h3>
<p><b>${escape(String(op.summary ?? ''))}</b>${op.operationId ? ` <small>(${escape(String(op.operationId))})</small>` : ''}</p>
${op.description ? `<p>${escape(String(op.description))}</p>` : ''}
${params.length ? `<ul>${params.map((p) => `<li><code>${escape(p.name)}</code> (${p.in}${p.required ? ', required' : ''})${p.description ? ` ${escape(p.description)}` : ''}</li>`).join('')}</ul>` : ''}
${body ? `<details><summary>Request body</summary><pre>${escape(JSON.stringify(body.content['application/json']?.schema, null, 2))}</pre></details>` : ''}
<details><summary>Responses</summary><pre>${escape(JSON.stringify(op.responses, null, 2))}</pre></details>
</section>`;
			byTag.set(tag, [...(byTag.get(tag) ?? []), html]);
		}
	}
	const sections = [...byTag].map(([tag, items]) => `<h2 id="${escape(tag)}">${escape(tag)}</h2>${items.join('\n')}`).join('\n');
	return `<!doctype html><html><head><meta charset="utf-8"><title>${escape(info.title)}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:960px;margin:2em auto;padding:0 1em}section{border-top:1px solid #ddd;padding:.5em 0}
.m{display:inline-block;min-width:4.5em;text-align:center;color:#fff;border-radius:4px;font-size:.8em;padding:.1em .4em}
.get{background:#2b7}.post{background:#27c}.patch{background:#c82}.put{background:#c82}.delete{background:#c33}pre{background:#f6f6f6;padding:.5em;overflow:auto}</style>
</head><body><h1>${escape(info.title)} <small>${escape(info.version)}</small></h1><p>${escape(info.description)}</p>
<p>Machine-readable: <a href="/openapi.json">/openapi.json</a></p>
<nav>${[...byTag.keys()].map((t) => `<a href="#${escape(t)}">${escape(t)}</a>`).join(' · ')}</nav>
${sections}</body></html>`;
}

const escape = (text: string) =>
	text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
