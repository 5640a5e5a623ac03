/**
 * A plain reference page for people, rendered on the server from the OpenAPI document: no
 * script, no CDN, readable on a phone. Integrators who want more load /api/v1/openapi.json into
 * their own tools.
 */
interface Operation {
  summary?: string;
  description?: string;
  tags?: string[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { description?: string }>;
}
interface Schema {
  properties?: Record<string, unknown>;
  required?: string[];
  $ref?: string;
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

function fields(schema: Schema | undefined): string {
  if (!schema?.properties) return '';
  const required = new Set(schema.required ?? []);
  const names = Object.keys(schema.properties).map(
    (name) => `<code>${escapeHtml(name)}${required.has(name) ? '' : '?'}</code>`,
  );
  return `<p>Body: ${names.join(', ')}</p>`;
}

interface OpenApiDocument {
  info?: { title?: string; description?: string };
  paths?: Record<string, Record<string, Operation>>;
  webhooks?: Record<string, unknown>;
}

export function renderReferencePage(document: OpenApiDocument): string {
  const byTag = new Map<string, string[]>();
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const [method, op] of Object.entries(item)) {
      const tag = op.tags?.[0] ?? 'Other';
      const body = op.requestBody?.content?.['application/json']?.schema;
      const statuses = Object.entries(op.responses ?? {})
        .map(([status, r]) => `<code>${status}</code> ${escapeHtml(r.description ?? '')}`)
        .join('; ');
      const entry = `<section><h3><span class="m">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h3>
        <p>${escapeHtml(op.summary ?? '')}. ${escapeHtml(op.description ?? '')}</p>${fields(body)}
        <p>Answers: ${statuses}</p></section>`;
      byTag.set(tag, [...(byTag.get(tag) ?? []), entry]);
    }
  }
  const events = Object.keys(document.webhooks ?? {})
    .map((e) => `<li><code>${escapeHtml(e)}</code></li>`)
    .join('');
  const sections = [...byTag]
    .map(([tag, entries]) => `<h2>${escapeHtml(tag)}</h2>${entries.join('')}`)
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(document.info?.title ?? 'API')} reference</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;overflow-wrap:anywhere}
section{border-top:1px solid #999;padding:.25rem 0}h3{font-size:1rem;margin:.5rem 0}
.m{display:inline-block;min-width:4.5em;font-weight:700}code{font-size:.95em}</style></head>
<body><main><h1>${escapeHtml(document.info?.title ?? 'API')} reference</h1>
<p>${escapeHtml(document.info?.description ?? '')} The machine-readable document is
<a href="openapi.json">openapi.json</a> (OpenAPI 3.1); integrations are explained in docs/integrations.md.</p>
${sections}<h2>Webhook events</h2><ul>${events}</ul></main></body></html>`;
}
