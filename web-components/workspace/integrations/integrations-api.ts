import type {
  ApiKey,
  ApiKeyRole,
  CreatedApiKey,
  CreatedWebhookEndpoint,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookEvent,
} from '../../../server/contracts/integrations.js';
import type { WorkspaceApi } from '../api/workspace-api.js';

/** The admin's calls for API keys and webhooks (../shared/API.md "Integrations"). */
export function integrationsApi(api: WorkspaceApi) {
  const send = <T>(method: string, path: string, body?: unknown) =>
    api.request<T>(path, { method, body: body === undefined ? undefined : JSON.stringify(body) });
  return {
    apiKeys: async () => (await api.request<{ items: ApiKey[] }>('/api-keys')).items,
    createApiKey: (name: string, role: ApiKeyRole) =>
      send<CreatedApiKey>('POST', '/api-keys', { name, role }),
    revokeApiKey: (id: string) => send<null>('DELETE', `/api-keys/${encodeURIComponent(id)}`),
    webhooks: async () => (await api.request<{ items: WebhookEndpoint[] }>('/webhooks')).items,
    createWebhook: (url: string, events: WebhookEvent[]) =>
      send<CreatedWebhookEndpoint>('POST', '/webhooks', { url, events }),
    updateWebhook: (id: string, changes: { enabled?: boolean }) =>
      send<WebhookEndpoint>('PATCH', `/webhooks/${encodeURIComponent(id)}`, changes),
    deleteWebhook: (id: string) => send<null>('DELETE', `/webhooks/${encodeURIComponent(id)}`),
    deliveries: async (id: string) =>
      (
        await api.request<{ items: WebhookDelivery[] }>(
          `/webhooks/${encodeURIComponent(id)}/deliveries?limit=50`,
        )
      ).items,
    retry: (id: string, deliveryId: string) =>
      send<unknown>(
        'POST',
        `/webhooks/${encodeURIComponent(id)}/deliveries/${encodeURIComponent(deliveryId)}/retry`,
      ),
  };
}

export type IntegrationsApi = ReturnType<typeof integrationsApi>;
