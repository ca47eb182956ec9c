// An integrator's client generated from the host's OpenAPI document (openapi-typescript's types, openapi-fetch's client)
// calls the API with an API key. Run by tests/Web.Tests against a real host at PLATFORM_API_URL.
import assert from "node:assert/strict";
import { test } from "node:test";
import createClient from "openapi-fetch";
import type { paths } from "../src/api/schema";

const baseUrl = process.env.PLATFORM_API_URL;
if (!baseUrl) throw new Error("PLATFORM_API_URL must name the host to call.");

async function signedInOwner() {
  const anonymous = createClient<paths>({ baseUrl });
  const email = `integrator-${crypto.randomUUID()}@example.com`;
  const password = "correct-horse-battery";
  const registered = await anonymous.POST("/api/v1/auth/register", { body: { tenantName: "Integrations", email, password } });
  assert.equal(registered.response.status, 202);
  const { data: tokens } = await anonymous.POST("/api/v1/auth/login", { body: { email, password } });
  assert.ok(tokens?.accessToken, "the owner signs in");
  return createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${tokens.accessToken}` } });
}

test("a generated client calls the API with a key, within the key's scopes", async () => {
  const owner = await signedInOwner();
  const { data: created, response } = await owner.POST("/api/v1/api-keys", { body: { name: "Generated client", scopes: ["posts:read"] } });
  assert.equal(response.status, 201);
  assert.match(created?.key ?? "", /^plk_/);

  const integrator = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${created!.key}` } });
  const posts = await integrator.GET("/api/v1/posts", { params: { query: { pageSize: 10 } } });
  assert.equal(posts.response.status, 200);
  assert.deepEqual(posts.data?.items, []);

  const write = await integrator.POST("/api/v1/posts", { body: { content: "From a key", type: "text", targets: [] } });
  assert.equal(write.response.status, 403);
  assert.equal((write.error as { requiredScope?: string } | undefined)?.requiredScope, "posts:write");

  const keys = await integrator.GET("/api/v1/api-keys");
  assert.equal(keys.response.status, 403);

  const revoked = await owner.POST("/api/v1/api-keys/{id}/revoke", { params: { path: { id: created!.id! } } });
  assert.equal(revoked.response.status, 204);
  assert.equal((await integrator.GET("/api/v1/posts")).response.status, 401);
});
